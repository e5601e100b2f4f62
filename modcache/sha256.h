// SHA-256 and standard base64 for go.sum's "h1:" hashes, over OpenSSL's libcrypto
// (opened on first use through pkg/dynlib, so commands that hash nothing never load it).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace gotool::modcache::sha256 {

// Digest is a SHA-256 hash.
using Digest = std::array<std::uint8_t, 32>;

// Hasher computes SHA-256 over data written in pieces.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  // Write adds data to the hashed message.
  void Write(std::string_view data);
  // Sum finishes the hash; the Hasher must not be written to afterwards.
  Digest Sum();

 private:
  evp_md_ctx_st* ctx_;
};

// Sum returns the SHA-256 hash of data.
Digest Sum(std::string_view data);

// Hex returns d in lower-case hexadecimal.
std::string Hex(const Digest& d);

// Base64 returns data in standard base64 with padding (Go's base64.StdEncoding).
std::string Base64(std::string_view data);

}  // namespace gotool::modcache::sha256
