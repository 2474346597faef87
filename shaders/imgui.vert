#version 300 es
// imgui.vert: ImGui's vertices (positions in CSS pixels, straight-alpha RGBA8 colours) to clip space.
// u_projection maps io.DisplayPos..+DisplaySize onto -1..1 with y pointing down, like imgui_impl_opengl3.
precision highp float;
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_colour;
uniform mat4 u_projection;
out vec2 v_uv;
out vec4 v_colour;
void main() {
    v_uv = a_uv;
    v_colour = a_colour;
    gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
}
