// web_webgl2_renderer.cpp: the WebGL2 renderer for ImGui draw data (see the header's feature list).
#include "web/webgl2_renderer.h"

#include <GLES3/gl3.h>
#include <emscripten/html5.h>

#include <cstdint>
#include <cstdio>

#include "web/shaders.h"

namespace web::webgl2 {

namespace {

struct State {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = 0;
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0, atlas = 0;
    GLint projection_location = -1, atlas_location = -1;
    GLsizeiptr vbo_capacity = 0, ibo_capacity = 0;
    bool lost = false;
    void (*restore)() = nullptr;
};
State g;

bool create_objects();
EM_BOOL on_context_lost(int, const void*, void*);
EM_BOOL on_context_restored_event(int, const void*, void*);

GLuint compile(GLenum type, const char* source) {
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "wfadmin: shader compile failed: %s\n", log);
    }
    return shader;
}

// Points the three attributes at vertex `first_vertex` of the bound vertex buffer.
void point_attributes_at(unsigned first_vertex) {
    const auto base = static_cast<uintptr_t>(first_vertex) * sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          reinterpret_cast<void*>(base + offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          reinterpret_cast<void*>(base + offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                          reinterpret_cast<void*>(base + offsetof(ImDrawVert, col)));
}

// Uploads into a buffer that only grows (glBufferData when it must grow, glBufferSubData otherwise).
void upload(GLenum target, GLsizeiptr& capacity, GLsizeiptr size, const void* data) {
    if (size > capacity) {
        capacity = size + size / 2;
        glBufferData(target, capacity, nullptr, GL_STREAM_DRAW);
    }
    glBufferSubData(target, 0, size, data);
}

void setup_render_state(ImDrawData* draw_data, int fb_w, int fb_h) {
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);

    const float l = draw_data->DisplayPos.x, r = l + draw_data->DisplaySize.x;
    const float t = draw_data->DisplayPos.y, b = t + draw_data->DisplaySize.y;
    const float projection[4][4] = {
        {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
    };
    glUseProgram(g.program);
    glUniformMatrix4fv(g.projection_location, 1, GL_FALSE, &projection[0][0]);
    glUniform1i(g.atlas_location, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);
}

}  // namespace

bool init(const char* canvas_selector) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;       // the page is opaque: no compositing surprises with the page background
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;   // ImGui anti-aliases its own shapes
    attrs.premultipliedAlpha = EM_TRUE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    g.context = emscripten_webgl_create_context(canvas_selector, &attrs);
    if (g.context <= 0) return false;
    emscripten_webgl_make_context_current(g.context);
    emscripten_set_webglcontextlost_callback(canvas_selector, nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(canvas_selector, nullptr, EM_FALSE, on_context_restored_event);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "wfadmin_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    return create_objects();
}

namespace {

bool create_objects() {
    g.vbo_capacity = g.ibo_capacity = 0;
    g.atlas = 0;
    GLuint vs = compile(GL_VERTEX_SHADER, kShader_imgui_vert);
    GLuint fs = compile(GL_FRAGMENT_SHADER, kShader_imgui_frag);
    g.program = glCreateProgram();
    glAttachShader(g.program, vs);
    glAttachShader(g.program, fs);
    glLinkProgram(g.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(g.program, GL_LINK_STATUS, &linked);
    if (!linked) {
        std::fprintf(stderr, "wfadmin: shader link failed\n");
        return false;
    }
    g.projection_location = glGetUniformLocation(g.program, "u_projection");
    g.atlas_location = glGetUniformLocation(g.program, "u_atlas");

    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vbo);
    glGenBuffers(1, &g.ibo);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);
    for (GLuint i = 0; i < 3; ++i) glEnableVertexAttribArray(i);
    point_attributes_at(0);
    return true;
}

// Returning true calls preventDefault(), which tells the browser we want the context restored.
EM_BOOL on_context_lost(int, const void*, void*) {
    g.lost = true;
    return EM_TRUE;
}

EM_BOOL on_context_restored_event(int, const void*, void*) {
    g.lost = false;
    emscripten_webgl_make_context_current(g.context);
    if (create_objects() && g.restore) g.restore();
    return EM_TRUE;
}

}  // namespace

void on_context_restored(void (*restore)()) { g.restore = restore; }

void upload_font_atlas(ImFontAtlas* atlas) {
    if (g.lost) return;   // uploaded again when the context is restored
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (!g.atlas) glGenTextures(1, &g.atlas);
    glBindTexture(GL_TEXTURE_2D, g.atlas);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g.atlas)));
    // The pixels live on in the GPU; the CPU copy is rebuilt with the atlas when needed.
    atlas->ClearTexData();
}

void render(ImDrawData* draw_data, int fb_w, int fb_h, const ImVec4& clear_colour) {
    if (g.lost) return;
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(clear_colour.x, clear_colour.y, clear_colour.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!draw_data || draw_data->DisplaySize.x <= 0 || draw_data->DisplaySize.y <= 0) return;
    setup_render_state(draw_data, fb_w, fb_h);

    const ImVec2 origin = draw_data->DisplayPos;
    const ImVec2 scale = draw_data->FramebufferScale;
    for (int n = 0; n < draw_data->CmdListsCount; ++n) {
        const ImDrawList* list = draw_data->CmdLists[n];
        upload(GL_ARRAY_BUFFER, g.vbo_capacity, list->VtxBuffer.Size * sizeof(ImDrawVert), list->VtxBuffer.Data);
        upload(GL_ELEMENT_ARRAY_BUFFER, g.ibo_capacity, list->IdxBuffer.Size * sizeof(ImDrawIdx),
               list->IdxBuffer.Data);
        unsigned attributes_at = 0;
        point_attributes_at(0);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    setup_render_state(draw_data, fb_w, fb_h);
                    point_attributes_at(attributes_at);
                } else {
                    cmd.UserCallback(list, &cmd);
                }
                continue;
            }
            // Clip rectangle: CSS pixels -> framebuffer pixels, clamped; GL's scissor origin is bottom-left.
            ImVec2 min((cmd.ClipRect.x - origin.x) * scale.x, (cmd.ClipRect.y - origin.y) * scale.y);
            ImVec2 max((cmd.ClipRect.z - origin.x) * scale.x, (cmd.ClipRect.w - origin.y) * scale.y);
            if (min.x < 0) min.x = 0;
            if (min.y < 0) min.y = 0;
            if (max.x > fb_w) max.x = static_cast<float>(fb_w);
            if (max.y > fb_h) max.y = static_cast<float>(fb_h);
            if (max.x <= min.x || max.y <= min.y) continue;
            glScissor(static_cast<int>(min.x), static_cast<int>(fb_h - max.y), static_cast<int>(max.x - min.x),
                      static_cast<int>(max.y - min.y));
            if (cmd.VtxOffset != attributes_at) {
                attributes_at = cmd.VtxOffset;
                point_attributes_at(attributes_at);
            }
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<uintptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace web::webgl2
