# The installed package, end to end:
#   1. `cmake --install` the current build into a fresh prefix; check the layout;
#   2. build find_package_consumer/ against that prefix only, run `consumer_models dump models`
#      and check the model JSON holds its two tables;
#   3. scaffold a project with the installed `schemadiff init --cpp`, build its model program,
#      and check `app_models dump models` and `schemadiff dump models` (through [models] command)
#      print the two example tables.
# Any failure is FATAL_ERROR with the step's output: the CTest test fails loudly.
#
#   cmake -DBUILD_DIR=<build> -DWORK_DIR=<scratch> -DCXX_COMPILER=<c++> [-DSANITIZE=ON]
#         -P package_test.cmake
cmake_minimum_required(VERSION 3.25)

foreach(variable BUILD_DIR WORK_DIR CXX_COMPILER)
    if(NOT ${variable})
        message(FATAL_ERROR "package_test.cmake: -D${variable}=... is required")
    endif()
endforeach()
set(consumers "${CMAKE_CURRENT_LIST_DIR}")
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# Runs a command; on failure stops with what it printed. Leaves its stdout in step_output.
function(run_step what)
    cmake_parse_arguments(ARG "" "WORKING_DIRECTORY" "COMMAND" ${ARGN})
    if(NOT ARG_WORKING_DIRECTORY)
        set(ARG_WORKING_DIRECTORY "${WORK_DIR}")
    endif()
    execute_process(COMMAND ${ARG_COMMAND} WORKING_DIRECTORY "${ARG_WORKING_DIRECTORY}"
        RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "package test: ${what} failed (exit ${status})\n"
                            "command: ${ARG_COMMAND}\nstdout:\n${out}\nstderr:\n${err}")
    endif()
    message(STATUS "package test: ${what}: ok")
    set(step_output "${out}" PARENT_SCOPE)
endfunction()

# Fails unless the model JSON `json` has exactly the tables `expected` (a list, in order).
function(check_tables what json expected)
    string(JSON count ERROR_VARIABLE json_error LENGTH "${json}" tables)
    if(json_error)
        message(FATAL_ERROR "package test: ${what} printed no model JSON (${json_error}):\n${json}")
    endif()
    set(names "")
    if(count GREATER 0)
        math(EXPR last "${count} - 1")
        foreach(i RANGE ${last})
            string(JSON name GET "${json}" tables ${i} name)
            list(APPEND names "${name}")
        endforeach()
    endif()
    if(NOT names STREQUAL expected)
        message(FATAL_ERROR "package test: ${what}: tables [${names}], expected [${expected}]")
    endif()
endfunction()

# 1. Install and check the layout.
run_step("install" COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(file
        bin/schemadiff
        lib/cmake/schemadiff/schemadiffConfig.cmake
        lib/cmake/schemadiff/schemadiffConfigVersion.cmake
        lib/cmake/schemadiff/schemadiffTargets.cmake
        lib/cmake/schemadiff/FindSOCI.cmake
        lib/libschemadiff_core.a
        lib/libschemadiff_reflect.a
        lib/libschemadiff_cli.a
        include/schemadiff/core/schema.hpp
        include/schemadiff/reflect/registry.hpp
        include/schemadiff/cli/run.hpp)
    if(NOT EXISTS "${prefix}/${file}")
        message(FATAL_ERROR "package test: the install has no ${file} (prefix ${prefix})")
    endif()
endforeach()
file(GLOB_RECURSE private_files RELATIVE "${prefix}/include" "${prefix}/include/*")
list(FILTER private_files EXCLUDE REGEX "^schemadiff/[a-z]+/[^/]+\\.hpp$")
if(private_files)
    message(FATAL_ERROR "package test: unexpected files under include/: ${private_files}")
endif()

set(configure_options
    "-DCMAKE_PREFIX_PATH=${prefix}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    -DCMAKE_BUILD_TYPE=Debug
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
if(SANITIZE)
    # The installed libraries are instrumented; the consumer links the runtime too.
    list(APPEND configure_options
        "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-sanitize=vptr"
        "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined")
endif()

function(build_project what source binary target)
    run_step("configure ${what}" COMMAND "${CMAKE_COMMAND}" -S "${source}" -B "${binary}"
        ${configure_options})
    file(STRINGS "${binary}/CMakeCache.txt" found REGEX "^schemadiff_DIR:")
    if(NOT found MATCHES "=${prefix}/")
        message(FATAL_ERROR "package test: ${what} found schemadiff elsewhere: ${found}")
    endif()
    run_step("build ${what}" COMMAND "${CMAKE_COMMAND}" --build "${binary}" --target ${target})
endfunction()

# 2. The consumer project.
build_project("find_package consumer" "${consumers}/find_package_consumer"
    "${WORK_DIR}/consumer" consumer_models)
run_step("consumer_models dump models" COMMAND "${WORK_DIR}/consumer/consumer_models" dump models)
check_tables("consumer_models dump models" "${step_output}" "customers;order")
string(JSON column GET "${step_output}" tables 1 columns 2 name)
if(NOT column STREQUAL "Total Amount")
    message(FATAL_ERROR "package test: order's third column is '${column}', not 'Total Amount'")
endif()

# 3. The skeleton `init --cpp` writes, built against the package.
run_step("schemadiff init --cpp" COMMAND "${prefix}/bin/schemadiff" init --cpp project)
build_project("init --cpp model program" "${WORK_DIR}/project" "${WORK_DIR}/project/build"
    app_models)
run_step("app_models dump models" COMMAND ./build/app_models dump models
    WORKING_DIRECTORY "${WORK_DIR}/project")
check_tables("app_models dump models" "${step_output}" "authors;books")
set(program_json "${step_output}")
run_step("schemadiff dump models ([models] command)" COMMAND "${prefix}/bin/schemadiff" dump models
    WORKING_DIRECTORY "${WORK_DIR}/project")
if(NOT step_output STREQUAL program_json)
    message(FATAL_ERROR "package test: `schemadiff dump models` differs from the program's")
endif()
message(STATUS "package test: passed")
