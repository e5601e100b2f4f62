// The response sink, the retry rule and the error texts shared by both HTTP transports.
#include "modcache/http_response.h"

#include <errno.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sstream>

#include "pkg/base/atomic_file.h"

namespace gotool::modcache {
namespace {

bool HasPrefixFold(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
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

}  // namespace

void Sink::Header(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    std::size_t sp = line.find(' ');
    status_line = sp == std::string_view::npos ? "" : std::string(line.substr(sp + 1));
    code = std::atol(status_line.c_str());
    content_type.clear();
  } else if (HasPrefixFold(line, "content-type:")) {
    std::string_view v = line.substr(13);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    content_type = std::string(v);
  }
}

bool Sink::Body(const char* data, std::size_t len) {
  if (code != 200) {  // error bodies go to the detail, bounded
    if (error_body.size() < 8 * 81) error_body.append(data, len);
    return true;
  }
  if (written + static_cast<std::int64_t>(len) > max_bytes) {
    too_large = true;
    return false;
  }
  written += static_cast<std::int64_t>(len);
  if (body != nullptr) {
    body->append(data, len);
    return true;
  }
  for (std::size_t off = 0; off < len;) {
    ssize_t w = ::write(fd, data + off, len - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      write_errno = errno;
      return false;
    }
    off += static_cast<std::size_t>(w);
  }
  return true;
}

bool Transient(const Attempt& a) {
  switch (a.result) {
    case Transfer::kConnect:
    case Transfer::kRecv:
    case Transfer::kSend:
    case Transfer::kEmptyReply:
    case Transfer::kPartial:
      return true;
    case Transfer::kOk:
      return a.code == 502 || a.code == 503 || a.code == 504;
    default:
      return false;
  }
}

std::string LibcurlErrorText(bool peer_verification_failed, std::string text) {
  if (peer_verification_failed) {
    for (const char* untrusted : {"self-signed certificate", "self signed certificate",
                                  "unable to get local issuer certificate"})
      if (text.find(untrusted) != std::string::npos)
        return "x509: certificate signed by unknown authority";
  }
  if (text.size() >= 2 && std::isupper(static_cast<unsigned char>(text[0])) &&
      !std::isupper(static_cast<unsigned char>(text[1])))
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string TransportError(const Attempt& a, const ProxyEnv& env, const std::string& url) {
  if (a.result == Transfer::kConnect && a.os_errno != 0) {
    std::string addr = a.ip + ":" + std::to_string(a.port);
    if (a.ip.empty()) {  // the URL's host:port
      std::size_t start = url.find("://") + 3;
      std::string host = url.substr(start, url.find('/', start) - start);
      host = host.substr(host.find('@') + 1);
      addr = host.find(':') != std::string::npos
                 ? host
                 : host + (url.starts_with("https") ? ":443" : ":80");
    }
    return "dial tcp " + addr + ": connect: " + base::ErrnoText(a.os_errno);
  }
  if (a.result == Transfer::kResolve) return "dial tcp: lookup: no such host";
  if (a.result == Transfer::kTimeout)
    return "timeout: no data received for " +
           std::to_string(std::max(1L, env.stall_timeout_ms / 1000)) + "s (connect timeout " +
           std::to_string(env.connect_timeout_ms) + "ms)";
  return a.text;
}

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

}  // namespace gotool::modcache
