// HTTP(S) GETs over libcurl and file:// reads, with the go command's error texts.
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "modcache/proxy.h"
#include "pkg/base/atomic_file.h"

namespace gotool::modcache {
namespace {

// Sink collects a response body into a string or a file descriptor, up to a limit.
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
};

bool HasPrefixFold(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t n, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  std::string_view line(data, size * n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    std::size_t sp = line.find(' ');
    sink->status_line = sp == std::string_view::npos ? "" : std::string(line.substr(sp + 1));
    sink->code = std::atol(sink->status_line.c_str());
    sink->content_type.clear();
  } else if (HasPrefixFold(line, "content-type:")) {
    std::string_view v = line.substr(13);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    sink->content_type = std::string(v);
  }
  return size * n;
}

std::size_t OnBody(char* data, std::size_t size, std::size_t n, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  std::size_t len = size * n;
  if (sink->code != 200) {  // error bodies go to the detail, bounded
    if (sink->error_body.size() < 8 * 81) sink->error_body.append(data, len);
    return len;
  }
  if (sink->written + static_cast<std::int64_t>(len) > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // aborts the transfer
  }
  sink->written += static_cast<std::int64_t>(len);
  if (sink->body != nullptr) {
    sink->body->append(data, len);
    return len;
  }
  for (std::size_t off = 0; off < len;) {
    ssize_t w = ::write(sink->fd, data + off, len - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      sink->write_errno = errno;
      return 0;
    }
    off += static_cast<std::size_t>(w);
  }
  return len;
}

// NetrcExists reports whether the netrc file exists, looked up once per process and
// path: libcurl would otherwise try to open it for every request.
bool NetrcExists(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, bool>* known = new std::map<std::string, bool>;
  std::lock_guard<std::mutex> lock(mu);
  auto it = known->find(path);
  if (it != known->end()) return it->second;
  bool exists = ::access(path.c_str(), F_OK) == 0;
  known->emplace(path, exists);
  return exists;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Detail returns the first lines of a text/plain error body, as the go command adds
// them after "server response:".
std::string Detail(const Sink& sink) {
  if (!sink.content_type.starts_with("text/plain")) return "";
  std::string body = sink.error_body.substr(0, 8 * 81);
  std::string out;
  int lines = 0;
  std::istringstream in(body);
  for (std::string line; lines < 8 && std::getline(in, line); ++lines) {
    if (!out.empty()) out += "\n\t";
    out += line;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\t' || out.back() == ' '))
    out.pop_back();
  return out;
}

// Redact hides the password of a URL's user info, as Go's URL.Redacted does.
std::string Redact(const std::string& url) {
  std::size_t start = url.find("://");
  if (start == std::string::npos) return url;
  start += 3;
  std::size_t end = url.find_first_of("/?#", start);
  std::size_t at = url.rfind('@', end == std::string::npos ? url.size() : end);
  if (at == std::string::npos || at < start) return url;
  std::size_t colon = url.find(':', start);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "xxxxx" + url.substr(at);
}

Error StatusError(const std::string& url, const Sink& sink) {
  std::string status = sink.status_line.empty() ? std::to_string(sink.code) : sink.status_line;
  Error err{"reading " + Redact(url) + ": " + status, sink.code == 404 || sink.code == 410};
  if (std::string detail = Detail(sink); !detail.empty()) {
    err.message += "\n\tserver response:";
    err.message += detail.find('\n') != std::string::npos ? "\n\t" : " ";
    err.message += detail;
  }
  return err;
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

bool Transient(CURLcode rc, long code) {
  if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR ||
      rc == CURLE_GOT_NOTHING || rc == CURLE_PARTIAL_FILE)
    return true;
  return rc == CURLE_OK && (code == 502 || code == 503 || code == 504);
}

std::string Lower(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

// ConnInfo is what libcurl knows of a failed connection.
struct ConnInfo {
  long os_errno = 0;
  std::string ip;
  long port = 0;
};

// TransportError words a libcurl failure as Go's net/http error would read where
// there is a twin ("dial tcp 127.0.0.1:1: connect: connection refused").
std::string TransportError(CURLcode rc, const ConnInfo& info, const char* errbuf,
                           const ProxyEnv& env, const std::string& url) {
  if (rc == CURLE_COULDNT_CONNECT && info.os_errno != 0) {
    std::string addr = info.ip + ":" + std::to_string(info.port);
    if (info.ip.empty()) {  // the URL's host:port
      std::size_t start = url.find("://") + 3;
      std::string host = url.substr(start, url.find('/', start) - start);
      host = host.substr(host.find('@') + 1);
      addr = host.find(':') != std::string::npos
                 ? host
                 : host + (url.starts_with("https") ? ":443" : ":80");
    }
    return "dial tcp " + addr + ": connect: " + base::ErrnoText(static_cast<int>(info.os_errno));
  }
  if (rc == CURLE_COULDNT_RESOLVE_HOST) return "dial tcp: lookup: no such host";
  if (rc == CURLE_OPERATION_TIMEDOUT)
    return "timeout: no data received for " +
           std::to_string(std::max(1L, env.stall_timeout_ms / 1000)) + "s (connect timeout " +
           std::to_string(env.connect_timeout_ms) + "ms)";
  return Lower(errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc));
}

// Attempt is the outcome of one transfer.
struct Attempt {
  CURLcode rc = CURLE_OK;
  long code = 0;
  ConnInfo info;
  char errbuf[CURL_ERROR_SIZE] = {0};
};

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

// Perform runs one GET of url into sink with env's timeouts and credentials.
void Perform(const ProxyEnv& env, const std::string& url, Sink* sink, Attempt* out) {
  CURL* curl = IdleHandles().Get();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, out->errbuf);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, env.connect_timeout_ms);
  // A stalled transfer: less than one byte per second for the stall timeout.
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, std::max(1L, env.stall_timeout_ms / 1000));
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "gotool (go command compatible)");
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
  out->rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out->code);
  curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &out->info.os_errno);
  char* ip = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr)
    out->info.ip = ip;
  curl_easy_getinfo(curl, CURLINFO_PRIMARY_PORT, &out->info.port);
  // The handle points at this attempt's buffers: clear them before it is reused.
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, static_cast<char*>(nullptr));
  IdleHandles().Put(curl);
}

}  // namespace

Status HTTPGet(const ProxyEnv& env, const std::string& url, std::string* body,
               const std::string& sink_path, std::int64_t max_bytes) {
  if (url.starts_with("file://")) return FileGet(url, body, sink_path, max_bytes);
  GlobalInit();
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
    Perform(env, url, &sink, &a);
    if (env.trace) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      char took[32];
      std::snprintf(took, sizeof took, " (%.3fs)", secs);
      if (a.rc != CURLE_OK)
        env.trace("# get " + Redact(url) + ": " + TransportError(a.rc, a.info, a.errbuf, env, url) +
                  "\n");
      else
        env.trace("# get " + Redact(url) + ": " +
                  (sink.status_line.empty() ? std::to_string(a.code) : sink.status_line) + took +
                  "\n");
    }
    if (sink.fd >= 0 && ::close(sink.fd) != 0 && sink.write_errno == 0) sink.write_errno = errno;
    sink.code = a.code;
    if (sink.too_large) return Error{"downloaded zip file too large"};
    if (sink.write_errno != 0)
      return Error{"write " + sink_path + ": " + base::ErrnoText(sink.write_errno)};
    if (attempt < env.retries && Transient(a.rc, a.code)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
      continue;
    }
    if (a.rc != CURLE_OK)
      return Error{"Get \"" + Redact(url) +
                   "\": " + TransportError(a.rc, a.info, a.errbuf, env, url)};
    if (a.code != 200) return StatusError(url, sink);
    return OkStatus();
  }
}

}  // namespace gotool::modcache
