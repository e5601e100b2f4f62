// Tests that the lazily loaded libraries resolve and work through their stubs.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <zip.h>

#include <string>

#include "pkg/dynlib/dynlib.h"

namespace {

TEST(Dynlib, CryptoSha256) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  ASSERT_EQ(EVP_Digest("abc", 3, md, &n, EVP_sha256(), nullptr), 1);
  ASSERT_EQ(n, 32u);
  unsigned char b64[64];
  int len = EVP_EncodeBlock(b64, md, static_cast<int>(n));
  EXPECT_EQ(std::string(reinterpret_cast<char*>(b64), len),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

TEST(Dynlib, CurlOptionsPassThrough) {
  CURL* curl = curl_easy_init();
  ASSERT_NE(curl, nullptr);
  EXPECT_EQ(curl_easy_setopt(curl, CURLOPT_URL, "http://127.0.0.1:1/"), CURLE_OK);
  EXPECT_EQ(curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 1000L), CURLE_OK);
  // An unknown option must come back as an error, not crash: the stub forwards it.
  EXPECT_NE(curl_easy_setopt(curl, static_cast<CURLoption>(99999), 1L), CURLE_OK);
  long code = -1;
  EXPECT_EQ(curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code), CURLE_OK);
  EXPECT_EQ(code, 0);
  EXPECT_STREQ(curl_easy_strerror(CURLE_OK), "No error");
  curl_easy_cleanup(curl);
}

TEST(Dynlib, ZipErrors) {
  zip_error_t error;
  zip_error_init(&error);
  zip_error_set(&error, ZIP_ER_NOENT, 0);
  EXPECT_EQ(std::string(zip_error_strerror(&error)), "No such file");
  zip_error_fini(&error);
  int code = 0;
  EXPECT_EQ(zip_open("/nonexistent/dir/x.zip", ZIP_RDONLY, &code), nullptr);
  EXPECT_EQ(code, ZIP_ER_NOENT);
}

}  // namespace
