// Opening the lazily loaded system libraries and resolving their functions.
#include "pkg/dynlib/dynlib.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace gotool::dynlib {
namespace {

[[noreturn]] void Missing(const char* what, const char* error, const char* package) {
  std::fprintf(stderr, "gotool: %s is not available: %s\n", what, error);
  std::fprintf(stderr, "gotool: install the Debian package %s (scripts/setup.sh does)\n", package);
  std::exit(1);
}

constexpr const char* kCurlNames[] = {"libcurl.so.4", "libcurl-gnutls.so.4", nullptr};
constexpr const char* kZipNames[] = {"libzip.so.4", "libzip.so.5", nullptr};
constexpr const char* kCryptoNames[] = {"libcrypto.so.3", "libcrypto.so.1.1", nullptr};
constexpr const char* kZlibNames[] = {"libz.so.1", nullptr};

}  // namespace

void* Library::Handle() {
  std::call_once(once_, [this] {
    for (const char* const* soname = sonames_; *soname != nullptr && handle_ == nullptr; ++soname) {
      handle_ = dlopen(*soname, RTLD_NOW | RTLD_LOCAL);
    }
  });
  if (handle_ == nullptr) Missing(name_, dlerror() ? dlerror() : "cannot open it", package_);
  return handle_;
}

void* Library::Symbol(const char* symbol) {
  void* handle = Handle();
  dlerror();
  void* address = dlsym(handle, symbol);
  if (address == nullptr) {
    std::string what = std::string(name_) + "'s " + symbol;
    const char* error = dlerror();
    Missing(what.c_str(), error != nullptr ? error : "not found", package_);
  }
  return address;
}

Library& Curl() {
  static Library lib("libcurl", "libcurl4", kCurlNames);
  return lib;
}

Library& Zip() {
  static Library lib("libzip", "libzip4", kZipNames);
  return lib;
}

Library& Crypto() {
  static Library lib("libcrypto", "libssl3", kCryptoNames);
  return lib;
}

Library& Zlib() {
  static Library lib("zlib", "zlib1g", kZlibNames);
  return lib;
}

}  // namespace gotool::dynlib
