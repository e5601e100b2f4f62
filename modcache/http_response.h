// What both HTTP transports (libcurl and the plain-HTTP client) share: the sink a
// response goes to, how a transfer ended, and the go command's texts for both.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "modcache/proxy.h"

namespace gotool::modcache {

// Sink collects a response body into a string or a file descriptor, up to a limit,
// and keeps the status line and content type of the response.
struct Sink {
  std::string* body = nullptr;
  int fd = -1;
  std::int64_t max_bytes = INT64_MAX;
  std::int64_t written = 0;
  bool too_large = false;
  int write_errno = 0;
  std::string status_line;  // "404 Not Found" from the last status line
  std::string content_type;
  std::string error_body;  // the body of a non-200 response (for the detail)
  long code = 0;

  // Header takes one header line (CRLF stripped or not): a status line "HTTP/1.1 200
  // OK" starts a new response, Content-Type is kept.
  void Header(std::string_view line);
  // Body takes the next bytes of the body; it returns false when the transfer must
  // stop (too large, or a write error).
  bool Body(const char* data, std::size_t len);
};

// Transfer is how one transfer ended, in libcurl's categories, which both transports
// report so that the retry rule and the error texts exist once.
enum class Transfer {
  kOk,
  kConnect,     // connecting failed (CURLE_COULDNT_CONNECT)
  kResolve,     // the host name did not resolve (CURLE_COULDNT_RESOLVE_HOST)
  kTimeout,     // connect timeout or stall (CURLE_OPERATION_TIMEDOUT)
  kRecv,        // reading failed (CURLE_RECV_ERROR)
  kSend,        // sending failed (CURLE_SEND_ERROR)
  kEmptyReply,  // closed before any response (CURLE_GOT_NOTHING)
  kPartial,     // closed before the end of the body (CURLE_PARTIAL_FILE)
  kAborted,     // the sink refused the body (CURLE_WRITE_ERROR)
  kOther,
};

// Attempt is the outcome of one transfer.
struct Attempt {
  Transfer result = Transfer::kOk;
  long code = 0;  // the HTTP status, 0 when there was no response
  // For kConnect: the errno of the failed connect and the address tried ("" and 0
  // when unknown: the URL's host and port are named instead).
  int os_errno = 0;
  std::string ip;
  long port = 0;
  // text words the other failures as libcurl does, first letter lower-cased
  // ("empty reply from server").
  std::string text;
};

// LibcurlErrorText words a libcurl failure text for Attempt::text: a server
// certificate that no trusted authority signed (peer_verification_failed, with
// OpenSSL's reason in text) reads as Go's x509 error; other texts stay libcurl's,
// first letter lower-cased as Go's errors are, an acronym ("SSL") kept.
std::string LibcurlErrorText(bool peer_verification_failed, std::string text);

// Transient reports whether an attempt is worth retrying: a connection-level failure
// or a 502, 503 or 504 answer.
bool Transient(const Attempt& a);

// TransportError words a failed attempt as Go's net/http error would read where there
// is a twin ("dial tcp 127.0.0.1:1: connect: connection refused").
std::string TransportError(const Attempt& a, const ProxyEnv& env, const std::string& url);

// StatusError is the error of a non-200 answer: "reading URL: 404 Not Found", with
// the first lines of a text/plain body after "server response:".
Error StatusError(const std::string& url, const Sink& sink);

// Redact hides the password of a URL's user info, as Go's URL.Redacted does.
std::string Redact(const std::string& url);

// NetrcExists reports whether the netrc file exists, looked up once per process and
// path.
bool NetrcExists(const std::string& path);

}  // namespace gotool::modcache
