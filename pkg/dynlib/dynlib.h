// Lazily loaded system libraries: libcurl, libzip, libcrypto and zlib are opened with
// dlopen on first use, not by the dynamic linker at every start.
//
// Why: linking them the ordinary way makes the dynamic linker map and relocate about
// 40 shared objects before main, which costs a few milliseconds on every gotool run,
// more than `gotool fmt` needs to format a file. Only module commands use them.
//
// How: the *_shim.cpp files in this folder define the C functions gotool calls
// (curl_easy_perform, zip_open, EVP_Digest, ...) with the libraries' own prototypes,
// so callers include the libraries' headers and call them as usual. Each stub
// resolves its real function once, through Library::Symbol. A program that calls a
// function with no stub fails to link with "undefined reference to `name'": add the
// stub to the library's shim file.
#pragma once

#include <atomic>
#include <mutex>
#include <string>

namespace gotool::dynlib {

// Library is a shared library opened on first use by its sonames, tried in order.
class Library {
 public:
  // Library names the library for messages (e.g. "libcurl") and its sonames, the
  // Debian package that provides it, and the list ends with a nullptr.
  constexpr Library(const char* name, const char* package, const char* const* sonames)
      : name_(name), package_(package), sonames_(sonames) {}

  // Symbol returns the address of the named function, opening the library first.
  // When the library or the function is missing it prints what is missing and how to
  // install it, then exits with status 1: the caller cannot go on without it, as when
  // the dynamic linker fails to find a library at start-up.
  void* Symbol(const char* symbol);

 private:
  void* Handle();

  const char* name_;
  const char* package_;
  const char* const* sonames_;
  std::once_flag once_;
  void* handle_ = nullptr;
};

// Curl, Zip, Crypto and Zlib are the libraries the shims resolve from.
Library& Curl();
Library& Zip();
Library& Crypto();
Library& Zlib();

// Resolve returns fn's address from lib, looked up once and cached in *slot, cast to
// the type of the stub's own function pointer.
template <typename Fn>
Fn Resolve(Library& lib, std::atomic<Fn>* slot, const char* symbol) {
  Fn fn = slot->load(std::memory_order_acquire);
  if (fn == nullptr) {
    fn = reinterpret_cast<Fn>(lib.Symbol(symbol));
    slot->store(fn, std::memory_order_release);
  }
  return fn;
}

}  // namespace gotool::dynlib

// GOTOOL_DYNLIB_STUB defines the C function NAME with return type RET and parameters
// PARAMS (a parenthesised list), forwarding the arguments ARGS to the real function
// in LIB.
#define GOTOOL_DYNLIB_STUB(LIB, RET, NAME, PARAMS, ARGS)                              \
  extern "C" RET NAME PARAMS {                                                        \
    using Fn = RET(*) PARAMS;                                                         \
    static std::atomic<Fn> slot{nullptr};                                             \
    return ::gotool::dynlib::Resolve<Fn>(::gotool::dynlib::LIB(), &slot, #NAME) ARGS; \
  }
