// Tests of the plain-HTTP client through HTTPGet, against a scripted server on
// 127.0.0.1, and of its agreement with the libcurl transport.
#include "modcache/http_client.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "modcache/proxy.h"

namespace gotool::modcache {
namespace {

namespace fs = std::filesystem;

// Reply is a scripted answer: raw bytes, then what happens to the connection.
struct Reply {
  std::string raw;
  bool close = false;      // close after the answer (whatever its headers say)
  bool hang = false;       // never answer
  bool drop_next = false;  // read the next request, then close without answering
};

// Answer builds a response with a Content-Length.
Reply Answer(int code, const std::string& reason, const std::string& body,
             const std::string& type = "text/plain; charset=utf-8", const std::string& extra = "") {
  return Reply{"HTTP/1.1 " + std::to_string(code) + " " + reason + "\r\nContent-Type: " + type +
               "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra + "\r\n" +
               body};
}

// Server answers each request by its path through a handler, one thread per
// connection, and counts connections and requests.
class Server {
 public:
  using Handler = std::function<Reply(const std::string& path, int nth)>;

  ~Server() { Stop(); }

  void Start(Handler handler) {
    handler_ = std::move(handler);
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(listen_fd_, 16), 0);
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    accept_ = std::thread([this] { Accept(); });
  }

  void Stop() {
    if (listen_fd_ < 0) return;
    stopping_ = true;
    accept_.join();
    for (std::thread& t : workers_) t.join();
    ::close(listen_fd_);
    listen_fd_ = -1;
  }

  std::string URL() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int connections() const { return connections_; }
  int requests(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_[path];
  }
  // user_agents lists the User-Agent of each request.
  std::vector<std::string> user_agents() {
    std::lock_guard<std::mutex> lock(mu_);
    return agents_;
  }

 private:
  void Accept() {
    while (!stopping_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 20) <= 0) continue;
      int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      ++connections_;
      workers_.emplace_back([this, fd] { Serve(fd); });
    }
  }

  // ReadRequest reads one request head; "" when the connection ended or the server
  // stops.
  std::string ReadRequest(int fd, std::string* buffered) {
    char buf[4096];
    std::size_t end;
    while ((end = buffered->find("\r\n\r\n")) == std::string::npos) {
      pollfd p{fd, POLLIN, 0};
      if (stopping_) return "";
      if (::poll(&p, 1, 20) <= 0) continue;
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n <= 0) return "";
      buffered->append(buf, static_cast<std::size_t>(n));
    }
    std::string head = buffered->substr(0, end + 4);
    buffered->erase(0, end + 4);
    return head;
  }

  void Serve(int fd) {
    std::string buffered;
    for (;;) {
      std::string head = ReadRequest(fd, &buffered);
      if (head.empty()) break;
      std::istringstream in(head);
      std::string method, path;
      in >> method >> path;
      int nth;
      {
        std::lock_guard<std::mutex> lock(mu_);
        nth = seen_[path]++;
        std::size_t ua = head.find("\r\nUser-Agent: ");
        agents_.push_back(ua == std::string::npos
                              ? ""
                              : head.substr(ua + 14, head.find("\r\n", ua + 14) - ua - 14));
      }
      Reply reply = handler_(path, nth);
      if (reply.hang) {
        while (!stopping_) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        break;
      }
      if (::send(fd, reply.raw.data(), reply.raw.size(), MSG_NOSIGNAL) < 0) break;
      if (reply.drop_next) {
        std::string next = ReadRequest(fd, &buffered);
        if (!next.empty()) {
          std::lock_guard<std::mutex> lock(mu_);
          seen_[next.substr(4, next.find(' ', 4) - 4)]++;
        }
        break;
      }
      if (reply.close) break;
    }
    ::close(fd);
  }

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread accept_;
  std::vector<std::thread> workers_;  // joined at Stop
  std::mutex mu_;
  std::map<std::string, int> seen_;
  std::vector<std::string> agents_;
};

const char kHello[] = "hello, world\n";

// Scripted answers by path; nth counts earlier requests for the path.
Reply Script(const std::string& path, int nth) {
  if (path == "/ok") return Answer(200, "OK", kHello, "application/octet-stream");
  if (path == "/chunked")
    return Reply{
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        "7\r\nhello, \r\n6;ext=1\r\nworld\n\r\n0\r\nX-Trailer: t\r\n\r\n"};
  if (path == "/missing") return Answer(404, "Not Found", "nothing here\nnot at all\n");
  if (path == "/gone") return Answer(410, "Gone", "<html>gone</html>", "text/html");
  if (path == "/boom") return Answer(500, "Internal Server Error", "boom\n");
  if (path == "/flaky")
    return nth == 0 ? Answer(503, "Service Unavailable", "try again\n") : Answer(200, "OK", kHello);
  if (path == "/busy") return Answer(503, "Service Unavailable", "busy\n");
  if (path == "/hang") return Reply{"", false, true};
  if (path == "/short")
    return Reply{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789", /*close=*/true};
  if (path == "/short-chunked")
    return Reply{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123", true};
  if (path == "/empty") return Reply{"", true};
  if (path == "/then-close") {  // answers, then closes the idle connection
    Reply r = Answer(200, "OK", kHello);
    r.close = true;
    return r;
  }
  if (path == "/then-drop") {  // answers, then drops the next request unanswered
    Reply r = Answer(200, "OK", kHello);
    r.drop_next = true;
    return r;
  }
  if (path == "/redirect") return Answer(302, "Found", "", "text/plain", "Location: /ok\r\n");
  if (path == "/until-close")
    return Reply{"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + std::string(kHello), true};
  return Answer(404, "Not Found", "404 page not found\n");
}

class HTTPClientTest : public testing::Test {
 protected:
  void SetUp() override {
    server_.Start(Script);
    env_.connect_timeout_ms = 2000;
    env_.stall_timeout_ms = 300;
    env_.retries = 2;
    std::string tmpl = (fs::temp_directory_path() / "gotool-http-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    tmp_ = tmpl;
  }
  void TearDown() override {
    server_.Stop();
    fs::remove_all(tmp_);
  }

  // Get runs HTTPGet into a string; the message of its error or "".
  std::string Get(const std::string& path, std::string* body, std::int64_t max = INT64_MAX) {
    Status s = HTTPGet(env_, server_.URL() + path, body, "", max);
    return s.ok() ? "" : s.error().message;
  }

  // OverCurl makes the next requests go to libcurl: it does when a .netrc exists.
  void OverCurl() {
    env_.netrc = tmp_ + "/netrc";
    std::ofstream(env_.netrc) << "";
  }

  static std::string Read(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  Server server_;
  ProxyEnv env_;
  std::string tmp_;
};

TEST_F(HTTPClientTest, ServesPlainHTTPOnly) {
  EXPECT_TRUE(PlainHTTPServes(env_, server_.URL() + "/ok"));
  EXPECT_TRUE(PlainHTTPServes(env_, "http://[::1]:8080/x?y"));
  EXPECT_FALSE(PlainHTTPServes(env_, "https://127.0.0.1/ok"));
  EXPECT_FALSE(PlainHTTPServes(env_, "http://gopher:s3cret@127.0.0.1/ok"));
  EXPECT_FALSE(PlainHTTPServes(env_, "http://127.0.0.1:99999/ok"));
  EXPECT_FALSE(PlainHTTPServes(env_, "http://127.0.0.1/a b"));
  EXPECT_FALSE(PlainHTTPServes(env_, "http://127.0.0.1/\xc3\xa9"));
  ::setenv("http_proxy", "http://127.0.0.1:3128", 1);
  EXPECT_FALSE(PlainHTTPServes(env_, server_.URL() + "/ok"));
  ::unsetenv("http_proxy");
  ::setenv("ALL_PROXY", "socks5://127.0.0.1:1080", 1);
  EXPECT_FALSE(PlainHTTPServes(env_, server_.URL() + "/ok"));
  ::unsetenv("ALL_PROXY");
  OverCurl();
  EXPECT_FALSE(PlainHTTPServes(env_, server_.URL() + "/ok"));
}

TEST_F(HTTPClientTest, ContentLength) {
  std::string body;
  EXPECT_EQ(Get("/ok", &body), "");
  EXPECT_EQ(body, kHello);
  EXPECT_EQ(server_.user_agents(), std::vector<std::string>{kUserAgent});
}

TEST_F(HTTPClientTest, Chunked) {
  std::string body;
  EXPECT_EQ(Get("/chunked", &body), "");
  EXPECT_EQ(body, kHello);
  // The connection stays usable after the trailer.
  EXPECT_EQ(Get("/ok", &body), "");
  EXPECT_EQ(server_.connections(), 1);
}

TEST_F(HTTPClientTest, BodyUntilClose) {
  std::string body;
  EXPECT_EQ(Get("/until-close", &body), "");
  EXPECT_EQ(body, kHello);
  EXPECT_EQ(Get("/ok", &body), "");
  EXPECT_EQ(server_.connections(), 2);
}

TEST_F(HTTPClientTest, KeepAliveReusesTheConnection) {
  std::string body;
  EXPECT_EQ(Get("/ok", &body), "");
  EXPECT_EQ(Get("/missing", &body), "reading " + server_.URL() +
                                        "/missing: 404 Not Found\n\tserver response:\n"
                                        "\tnothing here\n\tnot at all");
  EXPECT_EQ(Get("/ok", &body), "");
  EXPECT_EQ(body, kHello);
  EXPECT_EQ(server_.connections(), 1);
  EXPECT_EQ(server_.requests("/ok"), 2);
}

TEST_F(HTTPClientTest, ServerClosesIdleConnection) {
  std::string body;
  EXPECT_EQ(Get("/then-close", &body), "");
  EXPECT_EQ(Get("/ok", &body), "");
  EXPECT_EQ(body, kHello);
  EXPECT_EQ(server_.connections(), 2);
}

TEST_F(HTTPClientTest, ClosedBeforeAnswerIsRetriedOnAFreshConnection) {
  env_.retries = 0;  // the retry is the client's own, not a transient-error retry
  std::string body;
  EXPECT_EQ(Get("/then-drop", &body), "");
  EXPECT_EQ(Get("/ok", &body), "");
  EXPECT_EQ(body, kHello);
  EXPECT_EQ(server_.requests("/ok"), 2);  // the dropped one and the retry
  EXPECT_EQ(server_.connections(), 2);
}

TEST_F(HTTPClientTest, NotFound) {
  std::string body;
  Status s = HTTPGet(env_, server_.URL() + "/missing", &body);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.error().not_found);
  s = HTTPGet(env_, server_.URL() + "/gone", &body);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.error().not_found);
  EXPECT_EQ(s.error().message, "reading " + server_.URL() + "/gone: 410 Gone");  // not text/plain
}

TEST_F(HTTPClientTest, TransientErrorsAreRetried) {
  std::string body;
  EXPECT_EQ(Get("/flaky", &body), "");
  EXPECT_EQ(body, kHello);
  EXPECT_EQ(server_.requests("/flaky"), 2);
  // 500 is not transient: one request.
  EXPECT_EQ(Get("/boom", &body), "reading " + server_.URL() +
                                     "/boom: 500 Internal Server Error\n\tserver response: boom");
  EXPECT_EQ(server_.requests("/boom"), 1);
}

TEST_F(HTTPClientTest, RetriesRunOut) {
  std::string body;
  EXPECT_EQ(Get("/busy", &body),
            "reading " + server_.URL() + "/busy: 503 Service Unavailable\n\tserver response: busy");
  EXPECT_EQ(server_.requests("/busy"), 3);
}

TEST_F(HTTPClientTest, ConnectionRefused) {
  env_.retries = 0;
  std::string body;
  Status s = HTTPGet(env_, "http://127.0.0.1:1/x", &body);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "Get \"http://127.0.0.1:1/x\": dial tcp 127.0.0.1:1: connect: connection refused");
}

TEST_F(HTTPClientTest, HostNames) {
  env_.retries = 0;
  std::string body;
  std::string url = server_.URL();
  Status s = HTTPGet(env_, "http://localhost" + url.substr(url.rfind(':')) + "/ok", &body);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(body, kHello);
  s = HTTPGet(env_, "http://nonexistent.invalid/x", &body);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "Get \"http://nonexistent.invalid/x\": dial tcp: lookup: no such host");
}

TEST_F(HTTPClientTest, StallTimesOut) {
  std::string body;
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Get("/hang", &body), "Get \"" + server_.URL() +
                                     "/hang\": timeout: no data received for 1s (connect "
                                     "timeout 2000ms)");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));
  EXPECT_EQ(server_.requests("/hang"), 1);  // a timeout is not retried
}

TEST_F(HTTPClientTest, TooLarge) {
  std::string body;
  EXPECT_EQ(Get("/ok", &body, 5), "downloaded zip file too large");
  EXPECT_EQ(Get("/ok", &body, sizeof kHello - 1), "");
}

TEST_F(HTTPClientTest, CutShort) {
  std::string body;
  EXPECT_EQ(Get("/short", &body),
            "Get \"" + server_.URL() + "/short\": transfer closed with 90 bytes remaining to read");
  EXPECT_EQ(server_.requests("/short"), 3);  // retried as transient
  EXPECT_EQ(Get("/short-chunked", &body), "Get \"" + server_.URL() +
                                              "/short-chunked\": transfer closed with "
                                              "outstanding read data remaining");
  EXPECT_EQ(Get("/empty", &body), "Get \"" + server_.URL() + "/empty\": empty reply from server");
}

TEST_F(HTTPClientTest, FileSink) {
  std::string file = tmp_ + "/out";
  std::ofstream(file) << "old content, longer than the new";
  Status s = HTTPGet(env_, server_.URL() + "/chunked", nullptr, file);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(Read(file), kHello);
  s = HTTPGet(env_, server_.URL() + "/ok", nullptr, "/dev/full");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "write /dev/full: no space left on device");
  s = HTTPGet(env_, server_.URL() + "/ok", nullptr, tmp_ + "/no/such/dir");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "open " + tmp_ + "/no/such/dir: no such file or directory");
}

TEST_F(HTTPClientTest, RedirectGoesToLibcurl) {
  std::string body;
  EXPECT_EQ(Get("/redirect", &body), "");
  EXPECT_EQ(body, kHello);
  EXPECT_EQ(server_.requests("/redirect"), 2);  // asked by the client, then by libcurl
  EXPECT_EQ(server_.requests("/ok"), 1);
}

TEST_F(HTTPClientTest, TraceLines) {
  std::vector<std::string> lines;
  env_.trace = [&](const std::string& line) { lines.push_back(line); };
  std::string body;
  EXPECT_EQ(Get("/ok", &body), "");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "# get " + server_.URL() + "/ok\n");
  EXPECT_TRUE(lines[1].starts_with("# get " + server_.URL() + "/ok: 200 OK (")) << lines[1];
  lines.clear();
  env_.retries = 0;
  EXPECT_NE(Get("/short", &body), "");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1],
            "# get " + server_.URL() + "/short: transfer closed with 90 bytes remaining to read\n");
}

// Both transports give the same bodies and errors.
TEST_F(HTTPClientTest, SameAsLibcurl) {
  const std::vector<std::string> paths = {"/ok",         "/chunked",     "/missing", "/gone",
                                          "/boom",       "/busy",        "/short",   "/empty",
                                          "/then-close", "/until-close", "/redirect"};
  auto run = [&] {
    std::vector<std::string> out;
    for (const std::string& path : paths) {
      std::string body;
      Status s = HTTPGet(env_, server_.URL() + path, &body);
      out.push_back(path + ": " + (s.ok() ? "ok " + body : s.error().message) +
                    (!s.ok() && s.error().not_found ? " (not found)" : ""));
    }
    for (const char* url : {"http://127.0.0.1:1/x", "http://nonexistent.invalid/x"}) {
      Status s = HTTPGet(env_, url, nullptr, tmp_ + "/out");
      out.push_back(s.ok() ? "ok" : s.error().message);
    }
    return out;
  };
  env_.retries = 1;
  std::vector<std::string> plain = run();
  OverCurl();
  ASSERT_FALSE(PlainHTTPServes(env_, server_.URL() + "/ok"));
  std::vector<std::string> curl = run();
  EXPECT_EQ(plain, curl);
}

// libcurl's certificate failures read as go 1.19's (checked against `go mod download`
// through an openssl s_server with a self-signed certificate); its other texts keep
// their acronyms.
TEST(LibcurlErrorText, WordsFailuresAsGo) {
  EXPECT_EQ(LibcurlErrorText(true, "SSL certificate problem: self-signed certificate"),
            "x509: certificate signed by unknown authority");
  EXPECT_EQ(
      LibcurlErrorText(true, "SSL certificate problem: unable to get local issuer certificate"),
      "x509: certificate signed by unknown authority");
  EXPECT_EQ(LibcurlErrorText(false, "SSL connect error"), "SSL connect error");
  EXPECT_EQ(LibcurlErrorText(false, "Empty reply from server"), "empty reply from server");
  EXPECT_EQ(LibcurlErrorText(true, "SSL: no alternative certificate subject name matches"),
            "SSL: no alternative certificate subject name matches");
}

}  // namespace
}  // namespace gotool::modcache
