// web_webgl2_renderer.h: draws ImGui's draw data with WebGL2 (like imgui_impl_opengl3, WebGL2 only).
//  [X] GLSL ES 3.00 shaders from shaders/imgui.{vert,frag}, embedded at build time (generated web/shaders.h).
//  [X] One R8 texture: the font atlas as coverage (ImGui draws every shape with its white texel).
//  [X] Scissor rectangles in framebuffer pixels (clip rects are in CSS pixels: times DisplayFramebufferScale).
//  [X] Large meshes with 16-bit indices (ImGuiBackendFlags_RendererHasVtxOffset): WebGL2 has no base-vertex
//      draw call, so the vertex attribute pointers are re-pointed at the command's VtxOffset instead.
//  [X] Vertex and index buffers are re-used across frames and only grow.
//  [X] Correct alpha: an opaque canvas (alpha:false) and SRC_ALPHA/ONE_MINUS_SRC_ALPHA for colour with
//      ONE/ONE_MINUS_SRC_ALPHA for alpha, so the framebuffer holds premultiplied values.
//  [X] Context loss (GPU reset, driver update, too many contexts): nothing is drawn while lost; when the
//      browser restores the context the GL objects and the font texture are created again.
#pragma once
#include "imgui.h"

namespace web::webgl2 {

bool init(const char* canvas_selector);   // creates the WebGL2 context and the GL objects; false when impossible
void upload_font_atlas(ImFontAtlas* atlas);   // (re)creates the texture and sets the atlas's TexID
// Called when a lost context comes back: `restore` must rebuild the font atlas and upload it.
void on_context_restored(void (*restore)());
void render(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height, const ImVec4& clear_colour);

}  // namespace web::webgl2
