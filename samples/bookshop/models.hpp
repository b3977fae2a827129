// The bookshop's models at one version of the application, chosen at build time: the build
// compiles main.cpp three times, with -DBOOKSHOP_VERSION=1, 2 and 3, so the walkthrough can play
// the application's history release by release. A real application has one models header and
// its history lives in git; here the three releases sit side by side.
#pragma once

#if !defined(BOOKSHOP_VERSION)
#error "BOOKSHOP_VERSION must be defined (1, 2 or 3) by the build"
#elif BOOKSHOP_VERSION == 1
#include "models/v1.hpp"
#elif BOOKSHOP_VERSION == 2
#include "models/v2.hpp"
#elif BOOKSHOP_VERSION == 3
#include "models/v3.hpp"
#else
#error "BOOKSHOP_VERSION must be 1, 2 or 3"
#endif
