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
GOTOOL_DYNLIB_STUB(Crypto, EVP_MD_CTX*, EVP_MD_CTX_new, (void), ())
GOTOOL_DYNLIB_STUB(Crypto, void, EVP_MD_CTX_free, (EVP_MD_CTX * ctx), (ctx))
GOTOOL_DYNLIB_STUB(Crypto, int, EVP_DigestInit_ex,
                   (EVP_MD_CTX * ctx, const EVP_MD* type, ENGINE* impl), (ctx, type, impl))
GOTOOL_DYNLIB_STUB(Crypto, int, EVP_DigestUpdate, (EVP_MD_CTX * ctx, const void* d, size_t n),
                   (ctx, d, n))
GOTOOL_DYNLIB_STUB(Crypto, int, EVP_DigestFinal_ex,
                   (EVP_MD_CTX * ctx, unsigned char* md, unsigned int* size), (ctx, md, size))
