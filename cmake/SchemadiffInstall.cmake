# Install rules and the CMake package: `cmake --install build --prefix P` puts the public headers
# of every module under P/include, the static libraries under P/lib, the `schemadiff` tool under
# P/bin, and P/lib/cmake/schemadiff/ (schemadiffConfig.cmake, its version file, the exported
# targets, FindSOCI.cmake and FindNettle.cmake), so that a consumer's
#
#   find_package(schemadiff REQUIRED)
#   target_link_libraries(app_models PRIVATE schemadiff::schemadiff)
#
# links the whole library. The modules are static libraries, so their private link dependencies
# (SOCI, SQLite, Nettle, toml++) still reach the consumer's link line ($<LINK_ONLY:...> in the
# exported targets): schemadiffConfig.cmake finds each one that the exported targets name.
# Header-only private dependencies are linked as $<BUILD_INTERFACE:...> and never exported.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SCHEMADIFF_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/schemadiff")

# Every module library that this build defines, in dependency order.
set(_schemadiff_installed "")
foreach(_module IN ITEMS core reflect diff emit sqlite postgresql_dialect postgresql mysql drivers
        migrate cli)
    if(TARGET schemadiff_${_module})
        set_target_properties(schemadiff_${_module} PROPERTIES EXPORT_NAME ${_module})
        get_target_property(_dir schemadiff_${_module} SOURCE_DIR)
        install(DIRECTORY "${_dir}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
        list(APPEND _schemadiff_installed schemadiff_${_module})
    endif()
endforeach()
set_target_properties(schemadiff_tool PROPERTIES EXPORT_NAME tool)

install(TARGETS ${_schemadiff_installed} schemadiff schemadiff_tool
    EXPORT schemadiffTargets
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
    INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
# Driver plugins, loaded by the registry from <libdir>/schemadiff (drivers/registry/src/driver_plugin.hpp).
install(TARGETS schemadiff_driver_postgresql LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}/schemadiff")
install(EXPORT schemadiffTargets
    NAMESPACE schemadiff::
    FILE schemadiffTargets.cmake
    DESTINATION "${SCHEMADIFF_INSTALL_CMAKEDIR}")

# The find_dependency() lines: one per third-party package the exported link interfaces name
# (build-only entries left out).
set(_schemadiff_links "")
foreach(_target IN LISTS _schemadiff_installed)
    get_target_property(_libs ${_target} INTERFACE_LINK_LIBRARIES)
    if(_libs)
        string(APPEND _schemadiff_links ";${_libs}")
    endif()
endforeach()
string(REGEX REPLACE "\\$<BUILD_INTERFACE:[^>]*>" "" _schemadiff_links "${_schemadiff_links}")
set(SCHEMADIFF_FIND_DEPENDENCIES "")
set(_schemadiff_known "schemadiff")
foreach(_rule IN ITEMS
        "fmt|fmt 9"
        "nlohmann_json|nlohmann_json 3.11"
        "SOCI|SOCI"
        "CLI11|CLI11"
        "tomlplusplus|tomlplusplus"
        "SQLite|SQLite3"
        "PostgreSQL|PostgreSQL"
        "Nettle|Nettle"
        "Boost|Boost 1.81")
    string(REPLACE "|" ";" _rule "${_rule}")
    list(GET _rule 0 _namespace)
    list(GET _rule 1 _arguments)
    list(APPEND _schemadiff_known ${_namespace})
    string(FIND "${_schemadiff_links}" "${_namespace}::" _at)
    if(_at GREATER_EQUAL 0)
        string(APPEND SCHEMADIFF_FIND_DEPENDENCIES "find_dependency(${_arguments})\n")
    endif()
endforeach()
# A new third-party dependency needs its rule above, or consumers cannot resolve its target.
string(REGEX MATCHALL "[A-Za-z0-9_]+::" _schemadiff_namespaces "${_schemadiff_links}")
foreach(_namespace IN LISTS _schemadiff_namespaces)
    string(REPLACE "::" "" _namespace "${_namespace}")
    if(NOT _namespace IN_LIST _schemadiff_known)
        message(WARNING "cmake/SchemadiffInstall.cmake: the installed package links ${_namespace}:: "
                        "targets but schemadiffConfig.cmake does not find them; add a rule")
    endif()
endforeach()

configure_package_config_file(
    "${PROJECT_SOURCE_DIR}/cmake/schemadiffConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/schemadiffConfig.cmake"
    INSTALL_DESTINATION "${SCHEMADIFF_INSTALL_CMAKEDIR}")
# 0.x: a minor version may break the API.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/schemadiffConfigVersion.cmake"
    COMPATIBILITY SameMinorVersion)
install(FILES
    "${PROJECT_BINARY_DIR}/schemadiffConfig.cmake"
    "${PROJECT_BINARY_DIR}/schemadiffConfigVersion.cmake"
    "${PROJECT_SOURCE_DIR}/cmake/FindSOCI.cmake"
    "${PROJECT_SOURCE_DIR}/cmake/FindNettle.cmake"
    DESTINATION "${SCHEMADIFF_INSTALL_CMAKEDIR}")
