// Stubs for the libcurl functions gotool calls, resolved lazily (see dynlib.h).
// curl.h's type-checking macros would rename the variadic functions defined here.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#include <cstdarg>

#include "pkg/dynlib/dynlib.h"

// The variadic options below pass their one argument on as a pointer-sized integer:
// curl's option and info arguments are a long, a curl_off_t, an object pointer or a
// function pointer, which the LP64 calling conventions (x86-64, arm64) pass alike.
static_assert(sizeof(long) == sizeof(void*) && sizeof(curl_off_t) == sizeof(void*),
              "the curl stubs assume an LP64 target");

GOTOOL_DYNLIB_STUB(Curl, CURLcode, curl_global_init, (long flags), (flags))
GOTOOL_DYNLIB_STUB(Curl, void, curl_global_cleanup, (void), ())
GOTOOL_DYNLIB_STUB(Curl, CURL*, curl_easy_init, (void), ())
GOTOOL_DYNLIB_STUB(Curl, void, curl_easy_cleanup, (CURL * curl), (curl))
GOTOOL_DYNLIB_STUB(Curl, void, curl_easy_reset, (CURL * curl), (curl))
GOTOOL_DYNLIB_STUB(Curl, CURLcode, curl_easy_perform, (CURL * curl), (curl))
GOTOOL_DYNLIB_STUB(Curl, const char*, curl_easy_strerror, (CURLcode code), (code))
GOTOOL_DYNLIB_STUB(Curl, struct curl_slist*, curl_slist_append,
                   (struct curl_slist * list, const char* text), (list, text))
GOTOOL_DYNLIB_STUB(Curl, void, curl_slist_free_all, (struct curl_slist * list), (list))

extern "C" CURLcode curl_easy_setopt(CURL* curl, CURLoption option, ...) {
  using Fn = CURLcode (*)(CURL*, CURLoption, ...);
  static std::atomic<Fn> slot{nullptr};
  va_list args;
  va_start(args, option);
  void* value = va_arg(args, void*);
  va_end(args);
  return gotool::dynlib::Resolve<Fn>(gotool::dynlib::Curl(), &slot, "curl_easy_setopt")(
      curl, option, value);
}

extern "C" CURLcode curl_easy_getinfo(CURL* curl, CURLINFO info, ...) {
  using Fn = CURLcode (*)(CURL*, CURLINFO, ...);
  static std::atomic<Fn> slot{nullptr};
  va_list args;
  va_start(args, info);
  void* out = va_arg(args, void*);
  va_end(args);
  return gotool::dynlib::Resolve<Fn>(gotool::dynlib::Curl(), &slot, "curl_easy_getinfo")(curl, info,
                                                                                         out);
}
