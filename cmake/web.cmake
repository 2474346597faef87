# The web page: src/web + the views + the model + the protocol, linked by Debian's emcc 3.1.6 into
# <build>/site/wfadmin.{js,wasm}, beside the files of web/. We emit .js and ship our own index.html.
file(GLOB WF_WEB_SOURCES CONFIGURE_DEPENDS src/web/*.cpp)
set(WF_SITE_DIR "${CMAKE_BINARY_DIR}/site")
add_executable(wfadmin ${WF_WEB_SOURCES})
target_link_libraries(wfadmin PRIVATE wf_ui)
target_compile_options(wfadmin PRIVATE ${WF_WARNINGS})
set_target_properties(wfadmin PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${WF_SITE_DIR}")
target_link_options(wfadmin PRIVATE
  -sFETCH=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web
  -sEXPORTED_RUNTIME_METHODS=[ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8])
file(GLOB WF_WEB_STATIC CONFIGURE_DEPENDS web/*)
add_custom_target(wfadmin_static ALL
  COMMAND ${CMAKE_COMMAND} -E make_directory "${WF_SITE_DIR}"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${WF_WEB_STATIC} "${WF_SITE_DIR}"
  DEPENDS ${WF_WEB_STATIC})
