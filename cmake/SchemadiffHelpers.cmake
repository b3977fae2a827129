# schemadiff_add_module(NAME SOURCES ... DEPENDS ... PRIVATE_DEPENDS ...)
# One static library per module: target schemadiff_<name>, alias schemadiff::<name>,
# public headers under <dir>/include. The allowed DEPENDS are checked by tests/dependency_rule.
function(schemadiff_add_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
    add_library(schemadiff_${name} STATIC ${ARG_SOURCES})
    add_library(schemadiff::${name} ALIAS schemadiff_${name})
    target_include_directories(schemadiff_${name} PUBLIC
        $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
        $<INSTALL_INTERFACE:include>)
    target_compile_features(schemadiff_${name} PUBLIC cxx_std_20)
    set_target_properties(schemadiff_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    target_link_libraries(schemadiff_${name} PUBLIC ${ARG_DEPENDS} PRIVATE ${ARG_PRIVATE_DEPENDS}
        $<BUILD_INTERFACE:schemadiff_warnings>)
endfunction()

# schemadiff_add_test(NAME SOURCES ... LIBS ...): one doctest executable registered with CTest.
function(schemadiff_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} doctest::doctest schemadiff_warnings)
    add_test(NAME ${name} COMMAND ${name})
endfunction()
