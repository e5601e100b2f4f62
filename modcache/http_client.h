// A plain-HTTP/1.1 GET client over POSIX sockets, with kept-alive connections shared
// by all threads: what a module proxy on http:// needs, without loading libcurl.
#pragma once

#include <string>

#include "modcache/http_response.h"
#include "modcache/proxy.h"

namespace gotool::modcache {

// kUserAgent is the User-Agent of every request, over either transport.
inline constexpr const char* kUserAgent = "gotool (go command compatible)";

// PlainHTTPServes reports whether PlainHTTPGet may serve url: an http:// URL without
// user info, while no proxy variable that libcurl honours is set and no .netrc file
// exists (credentials, proxies and redirects are libcurl's business).
bool PlainHTTPServes(const ProxyEnv& env, const std::string& url);

// PlainHTTPGet GETs url into sink with env's timeouts and fills *out as libcurl's
// transfer would have. It returns false, having given the sink nothing, when the
// answer is a redirect: the caller then runs the whole GET over libcurl, which
// follows it.
bool PlainHTTPGet(const ProxyEnv& env, const std::string& url, Sink* sink, Attempt* out);

}  // namespace gotool::modcache
