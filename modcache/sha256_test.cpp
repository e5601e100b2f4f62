// Tests of SHA-256 and base64 against FIPS 180-4 and RFC 4648 test vectors.
#include "modcache/sha256.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

namespace gotool::modcache::sha256 {
namespace {

TEST(Sha256, Vectors) {
  EXPECT_EQ(Hex(Sum("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Hex(Sum("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Hex(Sum("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Hasher h;  // a million 'a's, written in uneven pieces
  std::string chunk(999, 'a');
  for (int i = 0; i < 1001; ++i) h.Write(chunk);
  h.Write(std::string(1000000 - 999 * 1001, 'a'));
  EXPECT_EQ(Hex(h.Sum()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Every message length around the padding boundaries agrees with OpenSSL's SHA-256.
TEST(Sha256, AgreesWithOpenSSL) {
  std::string message;
  for (int n = 0; n < 300; n++) {
    Digest want;
    unsigned int size = 0;
    ASSERT_EQ(EVP_Digest(message.data(), message.size(), want.data(), &size, EVP_sha256(), nullptr),
              1);
    EXPECT_EQ(Hex(Sum(message)), Hex(want)) << "length " << n;
    message += char('a' + n % 26);
  }
}

TEST(Sha256, Base64) {
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64("\xff\xfe\xfd"), "//79");
}

}  // namespace
}  // namespace gotool::modcache::sha256
