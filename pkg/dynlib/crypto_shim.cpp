// Stubs for the libcrypto (OpenSSL) functions gotool calls, resolved lazily (see
// dynlib.h).
#include <openssl/evp.h>

#include "pkg/dynlib/dynlib.h"

GOTOOL_DYNLIB_STUB(Crypto, const EVP_MD*, EVP_sha256, (void), ())
GOTOOL_DYNLIB_STUB(Crypto, int, EVP_Digest,
                   (const void* data, size_t count, unsigned char* md, unsigned int* size,
                    const EVP_MD* type, ENGINE* impl),
                   (data, count, md, size, type, impl))
GOTOOL_DYNLIB_STUB(Crypto, int, EVP_EncodeBlock, (unsigned char* t, const unsigned char* f, int n),
                   (t, f, n))
