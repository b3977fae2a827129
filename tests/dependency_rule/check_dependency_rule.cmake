# The dependency rule of docs/architecture.md, enforced on #include lines.
#
#   cmake -DROOT=<source tree> -P check_dependency_rule.cmake
#
# Every source and header of a module may include the public headers (schemadiff/<module>/...)
# of the modules it may depend on, and the third-party headers it is allowed; anything else, and
# any include that climbs out with "..", is a violation. Prints each one and fails if any.

cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED ROOT)
    message(FATAL_ERROR "usage: cmake -DROOT=<source tree> -P check_dependency_rule.cmake")
endif()

# Module folders, by the name their public headers live under (schemadiff/<name>/).
set(module_dirs
    core=core reflect=reflect diff=diff emit=emit migrate=migrate cli=cli
    drivers=drivers/registry sqlite=drivers/sqlite postgresql=drivers/postgresql
    mysql=drivers/mysql)
set(db_drivers sqlite postgresql mysql)

# Which schemadiff modules each module may include (itself always).
set(allowed_core "")
set(allowed_reflect core)
set(allowed_diff core)
set(allowed_emit core)
set(allowed_migrate core)
set(allowed_drivers core ${db_drivers})
foreach(db IN LISTS db_drivers)
    set(allowed_${db} core)
endforeach()
set(allowed_cli core reflect diff emit migrate drivers ${db_drivers})

# Third-party headers that only some modules may include: regex on the include path -> owners
# (separated by |).
# A `src`-only owner ("core:src") may include it from its private sources, not its public headers.
set(third_party_rules
    "^soci/|^soci-"                   "sqlite|postgresql|mysql"
    "^sqlite3\\.h$"                   "sqlite"
    "^libpq-fe\\.h$|^postgresql/"     "postgresql"
    "^mysql\\.h$|^mysql/|^mariadb/"   "mysql"
    "^nlohmann/"                      "core:src"
    "^CLI/"                           "cli:src"
    "^toml\\+\\+/"                    "cli:src"
    "^boost/pfr"                      "reflect")

set(violations "")
set(file_count 0)

function(check_third_party module part include out_var)
    set(result "")
    list(LENGTH third_party_rules n)
    math(EXPR last "${n} - 1")
    foreach(i RANGE 0 ${last} 2)
        math(EXPR j "${i} + 1")
        list(GET third_party_rules ${i} pattern)
        list(GET third_party_rules ${j} owners_text)
        string(REPLACE "|" ";" owners "${owners_text}")
        if(include MATCHES "${pattern}")
            set(ok FALSE)
            foreach(owner IN LISTS owners)
                if(owner STREQUAL module OR owner STREQUAL "${module}:${part}")
                    set(ok TRUE)
                endif()
            endforeach()
            if(NOT ok)
                string(REPLACE "|" ", " shown_owners "${owners_text}")
                string(REPLACE ":src" " (src/ only)" shown_owners "${shown_owners}")
                set(result "only ${shown_owners} may include it")
            endif()
        endif()
    endforeach()
    set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

foreach(entry IN LISTS module_dirs)
    string(REPLACE "=" ";" pair "${entry}")
    list(GET pair 0 module)
    list(GET pair 1 dir)
    if(NOT IS_DIRECTORY "${ROOT}/${dir}")
        continue()
    endif()
    foreach(part include src)
        file(GLOB_RECURSE files LIST_DIRECTORIES false
            "${ROOT}/${dir}/${part}/*.hpp" "${ROOT}/${dir}/${part}/*.h"
            "${ROOT}/${dir}/${part}/*.cpp" "${ROOT}/${dir}/${part}/*.cc")
        list(SORT files)
        foreach(file IN LISTS files)
            math(EXPR file_count "${file_count} + 1")
            file(RELATIVE_PATH shown "${ROOT}" "${file}")
            file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
            foreach(line IN LISTS lines)
                string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]*)[>\"].*$" "\\1"
                    include "${line}")
                set(problem "")
                if(include MATCHES "(^|/)\\.\\.(/|$)")
                    set(problem "climbs out of the module with '..'")
                elseif(include MATCHES "^schemadiff/([A-Za-z0-9_]+)/")
                    set(target "${CMAKE_MATCH_1}")
                    if(NOT target STREQUAL module AND NOT target IN_LIST allowed_${module})
                        string(REPLACE ";" ", " may "${allowed_${module}}")
                        if(may STREQUAL "")
                            set(may "nothing")
                        endif()
                        set(problem "${module} may depend on: ${may}")
                    endif()
                else()
                    check_third_party("${module}" "${part}" "${include}" problem)
                endif()
                if(NOT problem STREQUAL "")
                    list(APPEND violations "${shown}: includes ${include} (${problem})")
                endif()
            endforeach()
        endforeach()
    endforeach()
endforeach()

list(LENGTH violations violation_count)
if(violation_count GREATER 0)
    foreach(v IN LISTS violations)
        message("${v}")
    endforeach()
    message(FATAL_ERROR "${violation_count} dependency-rule violation(s) in ${file_count} files "
                        "(see the module table in docs/architecture.md)")
endif()
message(STATUS "dependency rule: ${file_count} files, no violation")
