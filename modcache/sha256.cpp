// SHA-256 as FIPS 180-4 specifies it, and standard base64 (RFC 4648).
#include "modcache/sha256.h"

#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#include <sys/platform/x86.h>
#endif

namespace gotool::modcache::sha256 {
namespace {

// kRoundConstants are the first 32 bits of the fractional parts of the cube roots of
// the first 64 primes (FIPS 180-4, 4.2.2).
constexpr std::uint32_t kRoundConstants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t RotateRight(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

std::uint32_t LoadBigEndian(const std::uint8_t* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 |
         std::uint32_t{p[3]};
}

#if defined(__x86_64__)

// ShaExtensions reports whether the CPU has the SHA extensions and the SSSE3 and
// SSE4.1 instructions CompressShaNi also uses. It asks glibc, which ran CPUID once at
// start-up: CPUID traps to the hypervisor on a virtual machine, and the two leaves
// asked here cost some 15 us of a gotool run there.
bool ShaExtensions() {
  return CPU_FEATURE_ACTIVE(SHA) && CPU_FEATURE_ACTIVE(SSSE3) && CPU_FEATURE_ACTIVE(SSE4_1);
}

// CompressShaNi runs the compression function over n blocks with the x86 SHA
// instructions, some ten times faster than the portable code: module zips are hashed
// whole on every download. The state is kept as the instructions want it, in the
// register pair ABEF/CDGH; the message schedule is computed four words at a time.
__attribute__((target("sha,sse4.1,ssse3"))) void CompressShaNi(std::uint32_t* state,
                                                               const std::uint8_t* p,
                                                               std::size_t n) {
  const __m128i kByteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0xB1);
  __m128i cdgh =
      _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4)), 0x1B);
  __m128i abef = _mm_alignr_epi8(tmp, cdgh, 8);
  cdgh = _mm_blend_epi16(cdgh, tmp, 0xF0);
  for (; n > 0; --n, p += 64) {
    __m128i abef_in = abef, cdgh_in = cdgh;
    __m128i w[4];  // the last four groups of four schedule words
    for (int g = 0; g < 16; ++g) {
      __m128i words;
      if (g < 4) {
        words = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * g)),
                                 kByteSwap);
      } else {
        // W[t] = W[t-16] + s0(W[t-15]) + W[t-7] + s1(W[t-2]), for t = 4g .. 4g+3.
        __m128i t16 = _mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]);
        __m128i t7 = _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4);
        words = _mm_sha256msg2_epu32(_mm_add_epi32(t16, t7), w[(g + 3) & 3]);
      }
      w[g & 3] = words;
      __m128i k = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kRoundConstants + 4 * g));
      __m128i msg = _mm_add_epi32(words, k);
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef_in);
    cdgh = _mm_add_epi32(cdgh, cdgh_in);
  }
  tmp = _mm_shuffle_epi32(abef, 0x1B);
  cdgh = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(tmp, cdgh, 0xF0));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(cdgh, tmp, 8));
}

#endif

}  // namespace

// The initial hash value is the first 32 bits of the fractional parts of the square
// roots of the first 8 primes (FIPS 180-4, 5.3.3).
Hasher::Hasher()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Hasher::Compress(const std::uint8_t* block) {
#if defined(__x86_64__)
  if (ShaExtensions()) return CompressShaNi(state_.data(), block, 1);
#endif
  std::uint32_t w[64];
  for (int t = 0; t < 16; t++) w[t] = LoadBigEndian(block + 4 * t);
  for (int t = 16; t < 64; t++) {
    std::uint32_t s0 = RotateRight(w[t - 15], 7) ^ RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
    std::uint32_t s1 = RotateRight(w[t - 2], 17) ^ RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
  std::uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
  for (int t = 0; t < 64; t++) {
    std::uint32_t sum1 = RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25);
    std::uint32_t choose = (e & f) ^ (~e & g);
    std::uint32_t t1 = h + sum1 + choose + kRoundConstants[t] + w[t];
    std::uint32_t sum0 = RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22);
    std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
    std::uint32_t t2 = sum0 + majority;
    h = g, g = f, f = e, e = d + t1;
    d = c, c = b, b = a, a = t1 + t2;
  }
  state_[0] += a, state_[1] += b, state_[2] += c, state_[3] += d;
  state_[4] += e, state_[5] += f, state_[6] += g, state_[7] += h;
}

void Hasher::Write(std::string_view data) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(data.data());
  std::size_t n = data.size();
  total_size_ += n;
  if (pending_size_ > 0) {
    std::size_t take = std::min(n, pending_.size() - pending_size_);
    std::memcpy(pending_.data() + pending_size_, p, take);
    pending_size_ += take, p += take, n -= take;
    if (pending_size_ < pending_.size()) return;
    Compress(pending_.data());
    pending_size_ = 0;
  }
#if defined(__x86_64__)
  if (n >= 64 && ShaExtensions()) {
    CompressShaNi(state_.data(), p, n / 64);
    p += n / 64 * 64, n %= 64;
  }
#endif
  for (; n >= 64; p += 64, n -= 64) Compress(p);
  std::memcpy(pending_.data(), p, n);
  pending_size_ = n;
}

Digest Hasher::Sum() {
  // Padding: a 1 bit, zeros up to 56 bytes into a block, the length in bits.
  std::uint64_t bits = total_size_ * 8;
  std::uint8_t padding[72] = {0x80};
  std::size_t zeros = (pending_size_ < 56 ? 56 : 120) - pending_size_;
  for (int i = 0; i < 8; i++) padding[zeros + i] = std::uint8_t(bits >> (56 - 8 * i));
  Write(std::string_view(reinterpret_cast<const char*>(padding), zeros + 8));
  Digest d;
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 4; j++) d[4 * i + j] = std::uint8_t(state_[i] >> (24 - 8 * j));
  }
  return d;
}

Digest Sum(std::string_view data) {
  Hasher h;
  h.Write(data);
  return h.Sum();
}

std::string Hex(const Digest& d) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(2 * d.size(), '0');
  for (std::size_t i = 0; i < d.size(); ++i) {
    out[2 * i] = kDigits[d[i] >> 4];
    out[2 * i + 1] = kDigits[d[i] & 15];
  }
  return out;
}

std::string Base64(std::string_view data) {
  std::string out;
  AppendBase64(&out, data);
  return out;
}

void AppendBase64(std::string* out, std::string_view data) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::size_t at = out->size();
  out->resize(at + (data.size() + 2) / 3 * 4, '=');
  char* p = out->data() + at;
  for (std::size_t i = 0; i < data.size(); i += 3, p += 4) {
    std::size_t left = data.size() - i;
    std::uint32_t v = std::uint32_t(std::uint8_t(data[i])) << 16;
    if (left > 1) v |= std::uint32_t(std::uint8_t(data[i + 1])) << 8;
    if (left > 2) v |= std::uint8_t(data[i + 2]);
    p[0] = kAlphabet[v >> 18 & 63];
    p[1] = kAlphabet[v >> 12 & 63];
    if (left > 1) p[2] = kAlphabet[v >> 6 & 63];
    if (left > 2) p[3] = kAlphabet[v & 63];
  }
}

}  // namespace gotool::modcache::sha256
