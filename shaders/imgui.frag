#version 300 es
// imgui.frag: the font atlas is a single-channel (R8) coverage texture whose solid white texel ImGui uses for
// shapes, so every pixel is white * coverage, tinted by the vertex colour. Output is straight alpha; the
// blend function (src alpha, one minus src alpha; one for alpha) turns it into premultiplied framebuffer values.
precision mediump float;
uniform sampler2D u_atlas;
in vec2 v_uv;
in vec4 v_colour;
out vec4 o_colour;
void main() {
    o_colour = vec4(v_colour.rgb, v_colour.a * texture(u_atlas, v_uv).r);
}
