// HTTPGet: file:// reads, plain http:// over our own client (http_client.h) and
// everything else over libcurl, with the go command's error texts and retries.
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "modcache/http_client.h"
#include "modcache/http_response.h"
#include "modcache/proxy.h"
#include "pkg/base/atomic_file.h"

namespace gotool::modcache {
namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Unescape decodes %XX sequences of a URL path.
std::string Unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 &&
        std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

Status FileGet(const std::string& url, std::string* body, const std::string& sink_path,
               std::int64_t max_bytes) {
  std::string_view rest = std::string_view(url).substr(7);
  if (!rest.starts_with("/")) {
    std::size_t slash = rest.find('/');
    std::string host(rest.substr(0, slash));
    if (host != "localhost") return Error{"file URL specifies non-local host: " + url};
    rest = slash == std::string_view::npos ? "/" : rest.substr(slash);
  }
  std::string path = Unescape(rest);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int e = errno;
    if (e == EACCES) return Error{"reading " + url + ": permission denied"};
    return Error{"reading " + url + ": " + base::ErrnoText(e == 0 ? ENOENT : e), e != EISDIR};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  if (static_cast<std::int64_t>(data.size()) > max_bytes)
    return Error{"downloaded zip file too large"};
  if (body != nullptr) {
    *body = std::move(data);
    return OkStatus();
  }
  std::ofstream out(sink_path, std::ios::binary | std::ios::trunc);
  out << data;
  if (!out.flush()) return Error{"write " + sink_path + ": " + base::ErrnoText(errno)};
  return OkStatus();
}

// Handles keeps idle libcurl handles for the next request, from any thread. A handle
// keeps its connections open across curl_easy_reset, so requests to one proxy reuse a
// kept-alive connection instead of connecting again (as Go's http.Transport does).
class Handles {
 public:
  CURL* Get() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        CURL* curl = idle_.back();
        idle_.pop_back();
        curl_easy_reset(curl);
        return curl;
      }
    }
    return curl_easy_init();
  }
  void Put(CURL* curl) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(curl);
  }

 private:
  std::mutex mu_;
  std::vector<CURL*> idle_;  // never freed: the process's exit closes their sockets
};

Handles& IdleHandles() {
  static Handles* handles = new Handles;
  return *handles;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t n, void* user) {
  static_cast<Sink*>(user)->Header(std::string_view(data, size * n));
  return size * n;
}

std::size_t OnBody(char* data, std::size_t size, std::size_t n, void* user) {
  // Returning less than given aborts the transfer.
  return static_cast<Sink*>(user)->Body(data, size * n) ? size * n : 0;
}

Transfer FromCurl(CURLcode rc) {
  switch (rc) {
    case CURLE_OK:
      return Transfer::kOk;
    case CURLE_COULDNT_CONNECT:
      return Transfer::kConnect;
    case CURLE_COULDNT_RESOLVE_HOST:
      return Transfer::kResolve;
    case CURLE_OPERATION_TIMEDOUT:
      return Transfer::kTimeout;
    case CURLE_RECV_ERROR:
      return Transfer::kRecv;
    case CURLE_SEND_ERROR:
      return Transfer::kSend;
    case CURLE_GOT_NOTHING:
      return Transfer::kEmptyReply;
    case CURLE_PARTIAL_FILE:
      return Transfer::kPartial;
    case CURLE_WRITE_ERROR:
      return Transfer::kAborted;
    default:
      return Transfer::kOther;
  }
}

// CurlGet runs one GET of url into sink over libcurl with env's timeouts and
// credentials.
void CurlGet(const ProxyEnv& env, const std::string& url, Sink* sink, Attempt* out) {
  GlobalInit();
  CURL* curl = IdleHandles().Get();
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, env.connect_timeout_ms);
  // A stalled transfer: less than one byte per second for the stall timeout.
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, std::max(1L, env.stall_timeout_ms / 1000));
  curl_easy_setopt(curl, CURLOPT_USERAGENT, kUserAgent);
  if (!env.netrc.empty() && NetrcExists(env.netrc)) {
    curl_easy_setopt(curl, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
    curl_easy_setopt(curl, CURLOPT_NETRC_FILE, env.netrc.c_str());
  }
  // OnHeader takes the status code from the status line, which arrives before the
  // body, so OnBody knows where a body goes.
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, sink);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, sink);
  CURLcode rc = curl_easy_perform(curl);
  out->result = FromCurl(rc);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out->code);
  long os_errno = 0;
  curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
  out->os_errno = static_cast<int>(os_errno);
  char* ip = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr) out->ip = ip;
  curl_easy_getinfo(curl, CURLINFO_PRIMARY_PORT, &out->port);
  if (rc != CURLE_OK)
    out->text = LibcurlErrorText(rc == CURLE_PEER_FAILED_VERIFICATION,
                                 errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc));
  // The handle points at this call's buffer: clear it before the handle is reused.
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, static_cast<char*>(nullptr));
  IdleHandles().Put(curl);
}

// Get runs one GET of an http(s) URL: over the plain-HTTP client when it can serve
// the request (libcurl, opened on first use, costs milliseconds to load), else, or
// when the answer is a redirect, over libcurl. Both leave the same sink and attempt.
void Get(const ProxyEnv& env, const std::string& url, Sink* sink, Attempt* out) {
  if (PlainHTTPServes(env, url) && PlainHTTPGet(env, url, sink, out)) return;
  CurlGet(env, url, sink, out);
}

// Trace writes the -x line after a request: its status and time, or its error.
void Trace(const ProxyEnv& env, const std::string& url, const Sink& sink, const Attempt& a,
           std::chrono::steady_clock::time_point start) {
  if (a.result != Transfer::kOk) {
    env.trace("# get " + Redact(url) + ": " + TransportError(a, env, url) + "\n");
    return;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char took[32];
  std::snprintf(took, sizeof took, " (%.3fs)", secs);
  env.trace("# get " + Redact(url) + ": " +
            (sink.status_line.empty() ? std::to_string(a.code) : sink.status_line) + took + "\n");
}

}  // namespace

Status HTTPGet(const ProxyEnv& env, const std::string& url, std::string* body,
               const std::string& sink_path, std::int64_t max_bytes) {
  if (url.starts_with("file://")) return FileGet(url, body, sink_path, max_bytes);
  for (int attempt = 0;; ++attempt) {
    Sink sink;
    sink.body = body;
    sink.max_bytes = max_bytes;
    if (body != nullptr) body->clear();
    if (body == nullptr) {
      sink.fd = ::open(sink_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
      if (sink.fd < 0) return Error{"open " + sink_path + ": " + base::ErrnoText(errno)};
    }
    Attempt a;
    auto start = std::chrono::steady_clock::now();
    if (env.trace) env.trace("# get " + Redact(url) + "\n");
    Get(env, url, &sink, &a);
    if (env.trace) Trace(env, url, sink, a, start);
    if (sink.fd >= 0 && ::close(sink.fd) != 0 && sink.write_errno == 0) sink.write_errno = errno;
    sink.code = a.code;
    if (sink.too_large) return Error{"downloaded zip file too large"};
    if (sink.write_errno != 0)
      return Error{"write " + sink_path + ": " + base::ErrnoText(sink.write_errno)};
    if (attempt < env.retries && Transient(a)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
      continue;
    }
    if (a.result != Transfer::kOk)
      return Error{"Get \"" + Redact(url) + "\": " + TransportError(a, env, url)};
    if (a.code != 200) return StatusError(url, sink);
    return OkStatus();
  }
}

}  // namespace gotool::modcache
