// SHA-256 (FIPS 180-4) and standard base64, for go.sum's "h1:" hashes.
//
// Written here rather than taken from OpenSSL: OpenSSL 3's first digest loads its
// provider configuration, which (with opening libcrypto) costs about 10 million
// instructions, some 3 ms, per gotool command; `gotool list -m all` hashes a few
// go.mod files and needs less than that in all.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gotool::modcache::sha256 {

// Digest is a SHA-256 hash.
using Digest = std::array<std::uint8_t, 32>;

// Hasher computes SHA-256 over data written in pieces.
class Hasher {
 public:
  Hasher();
  // Write adds data to the hashed message.
  void Write(std::string_view data);
  // Sum finishes the hash; the Hasher must not be written to afterwards.
  Digest Sum();

 private:
  void Compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> pending_{};
  std::size_t pending_size_ = 0;
  std::uint64_t total_size_ = 0;
};

// Sum returns the SHA-256 hash of data.
Digest Sum(std::string_view data);

// Hex returns d in lower-case hexadecimal.
std::string Hex(const Digest& d);

// Base64 returns data in standard base64 with padding (Go's base64.StdEncoding).
std::string Base64(std::string_view data);

// AppendBase64 appends Base64(data) to *out.
void AppendBase64(std::string* out, std::string_view data);

}  // namespace gotool::modcache::sha256
