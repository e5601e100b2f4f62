// SHA-256 and base64 over OpenSSL's EVP interface.
#include "modcache/sha256.h"

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>

namespace gotool::modcache::sha256 {
namespace {

// Check stops the process when libcrypto fails an operation that cannot fail on
// valid input (allocation, SHA-256 itself): there is no hash to return.
void Check(int ok, const char* what) {
  if (ok == 1) return;
  std::fprintf(stderr, "gotool: libcrypto: %s failed\n", what);
  std::abort();
}

}  // namespace

Hasher::Hasher() : ctx_(EVP_MD_CTX_new()) {
  Check(ctx_ != nullptr, "EVP_MD_CTX_new");
  Check(EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr), "EVP_DigestInit_ex");
}

Hasher::~Hasher() { EVP_MD_CTX_free(ctx_); }

void Hasher::Write(std::string_view data) {
  Check(EVP_DigestUpdate(ctx_, data.data(), data.size()), "EVP_DigestUpdate");
}

Digest Hasher::Sum() {
  Digest d;
  unsigned int n = 0;
  Check(EVP_DigestFinal_ex(ctx_, d.data(), &n), "EVP_DigestFinal_ex");
  Check(n == d.size(), "SHA-256 digest size");
  return d;
}

Digest Sum(std::string_view data) {
  Digest d;
  unsigned int n = 0;
  Check(EVP_Digest(data.data(), data.size(), d.data(), &n, EVP_sha256(), nullptr), "EVP_Digest");
  Check(n == d.size(), "SHA-256 digest size");
  return d;
}

std::string Hex(const Digest& d) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * d.size());
  for (std::uint8_t c : d) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string Base64(std::string_view data) {
  std::string out((data.size() + 2) / 3 * 4 + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(data.data()),
                          static_cast<int>(data.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace gotool::modcache::sha256
