// The plain-HTTP/1.1 GET client: connect (with a timeout), one request, the status
// line and headers, a body framed by Content-Length, chunks or the connection's end;
// connections kept alive per host:port for the next request of any thread.
#include "modcache/http_client.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace gotool::modcache {
namespace {

constexpr std::size_t kBufSize = 64 * 1024;  // also the limit of a response head

// Target is what a request needs of an http:// URL.
struct Target {
  std::string host;  // without the brackets of an IPv6 literal
  int port = 80;
  std::string host_header;  // "host" or "host:port", as libcurl sends it
  std::string path;         // path and query, at least "/"
};

// ParsePort reads a decimal port in 1..65535.
bool ParsePort(std::string_view s, int* port) {
  if (s.empty() || s.size() > 5) return false;
  int p = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    p = p * 10 + (c - '0');
  }
  *port = p;
  return p >= 1 && p <= 65535;
}

// ParseTarget splits an http:// URL; it fails on anything this client leaves to
// libcurl: user info (credentials), bytes that are not printable ASCII (libcurl has
// its own rules for them), malformed hosts and ports.
bool ParseTarget(std::string_view url, Target* t) {
  if (!url.starts_with("http://")) return false;
  url.remove_prefix(7);
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7f) return false;
  std::size_t end = url.find_first_of("/?#");
  std::string_view auth = url.substr(0, end);
  std::string_view rest = end == std::string_view::npos ? "" : url.substr(end);
  rest = rest.substr(0, rest.find('#'));
  if (auth.empty() || auth.find('@') != std::string_view::npos) return false;
  std::string_view host = auth, port;
  bool bracketed = auth.front() == '[';
  if (bracketed) {
    std::size_t close = auth.find(']');
    if (close == std::string_view::npos) return false;
    host = auth.substr(1, close - 1);
    std::string_view after = auth.substr(close + 1);
    if (!after.empty() && after.front() != ':') return false;
    if (!after.empty()) port = after.substr(1);
  } else if (std::size_t colon = auth.rfind(':'); colon != std::string_view::npos) {
    host = auth.substr(0, colon);
    port = auth.substr(colon + 1);
  }
  if (host.empty() || (!port.empty() && !ParsePort(port, &t->port))) return false;
  t->host = std::string(host);
  t->host_header = bracketed ? "[" + t->host + "]" : t->host;
  if (t->port != 80) t->host_header += ":" + std::to_string(t->port);
  t->path = rest.empty() || rest.front() == '?' ? "/" + std::string(rest) : std::string(rest);
  return true;
}

// ProxyConfigured reports whether libcurl would send an http:// request through a
// proxy: it reads http_proxy (lower case only, never HTTP_PROXY, which a CGI
// environment could set from a request header) and all_proxy / ALL_PROXY. NO_PROXY
// matters only then, and libcurl applies it itself.
bool ProxyConfigured() {
  for (const char* name : {"http_proxy", "all_proxy", "ALL_PROXY"}) {
    const char* v = std::getenv(name);
    if (v != nullptr && v[0] != '\0') return true;
  }
  return false;
}

// Idle is a kept-alive connection and the stall timeout its socket is set for.
struct Idle {
  int fd = -1;
  long stall_ms = 0;
};

// Pool keeps idle connections per "host:port" for the next request of any thread (the
// downloads run in parallel); the process's exit closes what is left.
class Pool {
 public:
  Idle Take(const std::string& key) {
    for (;;) {
      Idle idle;
      {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = idle_.find(key);
        if (it == idle_.end() || it->second.empty()) return Idle{};
        idle = it->second.back();
        it->second.pop_back();
      }
      // A server may have closed the connection while it was idle: that shows as
      // end-of-file (or stray bytes) waiting to be read.
      char c;
      ssize_t n = ::recv(idle.fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return idle;
      ::close(idle.fd);
    }
  }
  void Put(const std::string& key, Idle idle) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_[key].push_back(idle);
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::vector<Idle>> idle_;
};

Pool& IdlePool() {
  static Pool* pool = new Pool;
  return *pool;
}

// Read is the outcome of one read from a connection.
enum class Read { kData, kEOF, kError, kTimeout };

// Conn is one connection with its read buffer (bytes [r, w) are unread).
struct Conn {
  int fd = -1;
  long stall_ms = 0;
  bool reused = false;
  std::int64_t received = 0;  // bytes of the current response read so far
  std::unique_ptr<char[]> buf{new char[kBufSize]};
  std::size_t r = 0, w = 0;
  int err = 0;  // errno of the last kError

  ~Conn() {
    if (fd >= 0) ::close(fd);
  }

  // Fill reads what has arrived, up to limit bytes, waiting at most the stall timeout
  // (the socket's SO_RCVTIMEO) for the first byte. Unread bytes move to the front.
  Read Fill(std::size_t limit = kBufSize) {
    if (r == w) r = w = 0;
    if (w == kBufSize && r > 0) {
      std::memmove(buf.get(), buf.get() + r, w - r);
      w -= r;
      r = 0;
    }
    for (;;) {
      ssize_t n = ::recv(fd, buf.get() + w, std::min(limit, kBufSize - w), 0);
      if (n > 0) {
        w += static_cast<std::size_t>(n);
        received += n;
        return Read::kData;
      }
      if (n == 0) return Read::kEOF;
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return Read::kTimeout;
      err = errno;
      return Read::kError;
    }
  }

  // ReadLine sets *line to the next line without its CRLF.
  Read ReadLine(std::string_view* line) {
    for (;;) {
      char* start = buf.get() + r;
      if (void* nl = std::memchr(start, '\n', w - r)) {
        std::size_t len = static_cast<char*>(nl) - start;
        r += len + 1;
        *line = std::string_view(start, len > 0 && start[len - 1] == '\r' ? len - 1 : len);
        return Read::kData;
      }
      if (r == 0 && w == kBufSize) {  // a line longer than the buffer
        err = EMSGSIZE;
        return Read::kError;
      }
      if (Read got = Fill(); got != Read::kData) return got;
    }
  }
};

// SetTimeouts bounds each read and write of fd by ms (at least a millisecond: zero
// would mean no bound at all).
void SetTimeouts(int fd, long ms) {
  ms = std::max(ms, 1L);
  timeval tv{static_cast<time_t>(ms / 1000), static_cast<suseconds_t>(ms % 1000 * 1000)};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

// Addresses returns the socket addresses of host:port, an IP literal without a
// lookup; false when the name does not resolve.
bool Addresses(const Target& t, std::vector<sockaddr_storage>* out) {
  sockaddr_storage ss{};
  auto* v4 = reinterpret_cast<sockaddr_in*>(&ss);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&ss);
  if (::inet_pton(AF_INET, t.host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<uint16_t>(t.port));
    out->push_back(ss);
    return true;
  }
  if (::inet_pton(AF_INET6, t.host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<uint16_t>(t.port));
    out->push_back(ss);
    return true;
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* list = nullptr;
  std::string port = std::to_string(t.port);
  if (::getaddrinfo(t.host.c_str(), port.c_str(), &hints, &list) != 0) return false;
  for (addrinfo* ai = list; ai != nullptr; ai = ai->ai_next) {
    std::memcpy(&ss, ai->ai_addr, ai->ai_addrlen);
    out->push_back(ss);
  }
  ::freeaddrinfo(list);
  return !out->empty();
}

std::string IPText(const sockaddr_storage& ss) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (ss.ss_family == AF_INET)
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&ss)->sin_addr, text, sizeof text);
  else
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&ss)->sin6_addr, text,
                sizeof text);
  return text;
}

// ConnectOne connects to one address within timeout_ms: a non-blocking connect
// waited for with poll. It returns the socket, or -1 with *err set (ETIMEDOUT when
// the time ran out).
int ConnectOne(const sockaddr_storage& ss, long timeout_ms, int* err) {
  int fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    *err = errno;
    return -1;
  }
  socklen_t len = ss.ss_family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&ss), len) != 0) {
    if (errno != EINPROGRESS) {
      *err = errno;
      ::close(fd);
      return -1;
    }
    pollfd p{fd, POLLOUT, 0};
    int ready;
    while ((ready = ::poll(&p, 1, static_cast<int>(timeout_ms))) < 0 && errno == EINTR) {
    }
    socklen_t elen = sizeof *err;
    if (ready <= 0) {
      *err = ready == 0 ? ETIMEDOUT : errno;
    } else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, err, &elen) != 0) {
      *err = errno;
    }
    if (*err != 0) {
      ::close(fd);
      return -1;
    }
  }
  return fd;
}

// Connect opens a fresh connection to t; on failure it fills *out as libcurl would.
bool Connect(const ProxyEnv& env, const Target& t, Conn* c, Attempt* out) {
  std::vector<sockaddr_storage> addrs;
  if (!Addresses(t, &addrs)) {
    out->result = Transfer::kResolve;
    return false;
  }
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(env.connect_timeout_ms);
  for (const sockaddr_storage& ss : addrs) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    int err = ETIMEDOUT;
    int fd = left > 0 ? ConnectOne(ss, left, &err) : -1;
    if (fd >= 0) {
      // Blocking from here on: SO_RCVTIMEO bounds each read by the stall timeout,
      // without a poll call before every read.
      ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      SetTimeouts(fd, env.stall_timeout_ms);
      c->fd = fd;
      c->stall_ms = env.stall_timeout_ms;
      return true;
    }
    if (err == ETIMEDOUT) {
      out->result = Transfer::kTimeout;
      return false;
    }
    out->result = Transfer::kConnect;
    out->os_errno = err;
    out->ip = IPText(ss);
    out->port = t.port;
  }
  return false;
}

// Head is a response's status and the headers that frame its body.
struct Head {
  long code = 0;
  bool http11 = false;
  std::vector<std::string> lines;  // every header line, the status line first
  std::int64_t content_length = -1;
  bool chunked = false;
  bool close = false;       // "Connection: close"
  bool keep_alive = false;  // "Connection: keep-alive" (for HTTP/1.0)
  bool location = false;
};

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

void ParseHeader(std::string_view line, Head* h) {
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  std::string_view name = line.substr(0, colon), value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (EqualFold(name, "content-length")) {
    h->content_length = std::strtoll(std::string(value).c_str(), nullptr, 10);
  } else if (EqualFold(name, "transfer-encoding")) {
    h->chunked = value.size() >= 7 && EqualFold(value.substr(value.size() - 7), "chunked");
  } else if (EqualFold(name, "connection")) {
    h->close = EqualFold(value, "close");
    h->keep_alive = EqualFold(value, "keep-alive");
  } else if (EqualFold(name, "location")) {
    h->location = !value.empty();
  }
}

// Failure records a failed read of the response (not of a body of known length) in
// *out, in libcurl's words.
void Failure(Read got, const Conn& c, Attempt* out) {
  if (got == Read::kTimeout) {
    out->result = Transfer::kTimeout;
  } else if (got == Read::kError) {
    out->result = Transfer::kRecv;
    out->text = std::string("recv failure: ") + std::strerror(c.err);
  } else if (c.received == 0) {
    out->result = Transfer::kEmptyReply;
    out->text = "empty reply from server";
  } else {
    out->result = Transfer::kPartial;
    out->text = "transfer closed with outstanding read data remaining";
  }
}

// ReadHead reads a status line and headers, skipping interim (1xx) responses.
bool ReadHead(Conn* c, Head* h, Attempt* out) {
  for (;;) {
    std::string_view line;
    if (Read got = c->ReadLine(&line); got != Read::kData) {
      Failure(got, *c, out);
      return false;
    }
    if (h->lines.empty()) {
      if (!line.starts_with("HTTP/1.") || line.size() < 12 || line[8] != ' ') {
        out->result = Transfer::kOther;
        out->text = "received HTTP/0.9 when not allowed";
        return false;
      }
      h->http11 = line[7] != '0';
      h->code = std::atol(std::string(line.substr(9, 3)).c_str());
      h->lines.emplace_back(line);
      continue;
    }
    if (!line.empty()) {
      ParseHeader(line, h);
      h->lines.emplace_back(line);
      continue;
    }
    if (h->code >= 200 || h->code == 101) return true;
    *h = Head{};  // 100 Continue and the like: the real answer follows
  }
}

// Deliver passes n bytes of the body (-1: up to the connection's end) to the sink.
bool Deliver(Conn* c, std::int64_t n, Sink* sink, Attempt* out) {
  while (n != 0) {
    if (c->r == c->w) {
      std::size_t limit =
          n < 0 ? kBufSize : static_cast<std::size_t>(std::min<std::int64_t>(n, kBufSize));
      Read got = c->Fill(limit);
      if (got == Read::kEOF && n < 0) return true;
      if (got == Read::kEOF) {
        out->result = Transfer::kPartial;
        out->text = "transfer closed with " + std::to_string(n) + " bytes remaining to read";
        return false;
      }
      if (got != Read::kData) {
        Failure(got, *c, out);
        return false;
      }
    }
    std::size_t take = c->w - c->r;
    if (n >= 0 && static_cast<std::int64_t>(take) > n) take = static_cast<std::size_t>(n);
    if (!sink->Body(c->buf.get() + c->r, take)) {
      out->result = Transfer::kAborted;
      out->text = "failure writing output to destination";
      return false;
    }
    c->r += take;
    if (n > 0) n -= static_cast<std::int64_t>(take);
  }
  return true;
}

// ReadChunked passes a chunked body to the sink: hex sizes, data, a trailer.
bool ReadChunked(Conn* c, Sink* sink, Attempt* out) {
  for (;;) {
    std::string_view line;
    Read got = c->ReadLine(&line);
    if (got != Read::kData) {
      Failure(got, *c, out);
      return false;
    }
    char* end = nullptr;
    std::string size_text(line.substr(0, line.find_first_of("; \t")));
    long long size = std::strtoll(size_text.c_str(), &end, 16);
    if (size_text.empty() || *end != '\0' || size < 0) {
      out->result = Transfer::kRecv;
      out->text = "illegal or missing hexadecimal sequence in chunked-encoding";
      return false;
    }
    if (size == 0) break;
    if (!Deliver(c, size, sink, out)) {
      if (out->result == Transfer::kPartial)
        out->text = "transfer closed with outstanding read data remaining";
      return false;
    }
    if ((got = c->ReadLine(&line)) != Read::kData) {  // the CRLF after the data
      Failure(got, *c, out);
      return false;
    }
  }
  for (std::string_view line;;) {  // the trailer, up to an empty line
    if (Read got = c->ReadLine(&line); got != Read::kData) {
      Failure(got, *c, out);
      return false;
    }
    if (line.empty()) return true;
  }
}

// SendAll writes the request; false with *err set when the connection failed.
bool SendAll(const Conn& c, const std::string& req, int* err) {
  for (std::size_t off = 0; off < req.size();) {
    ssize_t n = ::send(c.fd, req.data() + off, req.size() - off, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *err = n < 0 ? errno : EPIPE;
      return false;
    }
    off += static_cast<std::size_t>(n);
  }
  return true;
}

// Exchange is the outcome of one request on one connection.
enum class Exchange { kDone, kRedirect, kStale };

// RoundTrip sends the request on c and reads the answer into sink. kStale means a
// reused connection failed before any byte of an answer: the server had closed it,
// and the request may go again on a fresh one.
Exchange RoundTrip(Conn* c, const std::string& req, Sink* sink, Attempt* out, bool* reusable) {
  int err = 0;
  if (!SendAll(*c, req, &err)) {
    if (c->reused) return Exchange::kStale;
    out->result = err == EAGAIN || err == EWOULDBLOCK ? Transfer::kTimeout : Transfer::kSend;
    out->text = std::string("send failure: ") + std::strerror(err);
    return Exchange::kDone;
  }
  Head h;
  if (!ReadHead(c, &h, out)) {
    bool closed = out->result == Transfer::kEmptyReply ||
                  (out->result == Transfer::kRecv && c->received == 0);
    if (c->reused && closed) {
      *out = Attempt{};
      return Exchange::kStale;
    }
    return Exchange::kDone;
  }
  // Redirects go to libcurl, which follows them (with its rules for credentials,
  // protocols and hops); the sink has seen nothing yet.
  if (h.code >= 300 && h.code < 400 && h.code != 304 && h.location) return Exchange::kRedirect;
  for (const std::string& line : h.lines) sink->Header(line);
  out->code = h.code;
  bool ok;
  if (h.code < 200 || h.code == 204 || h.code == 304) {
    ok = true;
  } else if (h.chunked) {
    ok = ReadChunked(c, sink, out);
  } else {
    ok = Deliver(c, h.content_length, sink, out);
  }
  if (!ok) return Exchange::kDone;
  bool framed =
      h.chunked || h.content_length >= 0 || h.code < 200 || h.code == 204 || h.code == 304;
  *reusable = framed && c->r == c->w && (h.http11 ? !h.close : h.keep_alive);
  return Exchange::kDone;
}

}  // namespace

bool PlainHTTPServes(const ProxyEnv& env, const std::string& url) {
  Target t;
  if (!ParseTarget(url, &t)) return false;
  if (ProxyConfigured()) return false;
  // libcurl reads credentials from the .netrc file; so that there is one reading of
  // it, requests go to libcurl whenever the file exists.
  return env.netrc.empty() || !NetrcExists(env.netrc);
}

bool PlainHTTPGet(const ProxyEnv& env, const std::string& url, Sink* sink, Attempt* out) {
  Target t;
  if (!ParseTarget(url, &t)) return false;
  std::string key = t.host_header + (t.port == 80 ? ":80" : "");
  std::string req = "GET " + t.path + " HTTP/1.1\r\nHost: " + t.host_header +
                    "\r\nUser-Agent: " + kUserAgent + "\r\nAccept: */*\r\n\r\n";
  for (bool fresh : {false, true}) {
    Conn c;
    if (!fresh) {
      Idle idle = IdlePool().Take(key);
      c.fd = idle.fd;
      c.stall_ms = idle.stall_ms;
      c.reused = idle.fd >= 0;
    }
    if (c.fd < 0 && !Connect(env, t, &c, out)) return true;
    if (c.reused && c.stall_ms != env.stall_timeout_ms) {
      SetTimeouts(c.fd, env.stall_timeout_ms);
      c.stall_ms = env.stall_timeout_ms;
    }
    bool reusable = false;
    Exchange ex = RoundTrip(&c, req, sink, out, &reusable);
    if (ex == Exchange::kStale) continue;  // once more, on a fresh connection
    if (ex == Exchange::kRedirect) return false;
    if (reusable) {
      IdlePool().Put(key, Idle{c.fd, c.stall_ms});
      c.fd = -1;
    }
    return true;
  }
  return true;  // not reached: a fresh connection is never stale
}

}  // namespace gotool::modcache
