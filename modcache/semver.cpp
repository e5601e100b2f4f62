// Semantic versions: parsing into parts, canonical forms and precedence.
#include "modcache/semver.h"

#include <algorithm>

namespace gotool::modcache::semver {
namespace {

// Parsed holds the parts of a version; short is the ".0" or ".0.0" that completes a
// shorthand version.
struct Parsed {
  std::string_view major, minor, patch, short_, prerelease, build;
  bool ok = false;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}
bool IsBadNum(std::string_view n) { return n.size() > 1 && n[0] == '0'; }
bool IsNum(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit); }

// ParseInt splits a decimal number without leading zeros off the front of *v.
bool ParseInt(std::string_view* v, std::string_view* out) {
  std::size_t i = 0;
  while (i < v->size() && IsDigit((*v)[i])) ++i;
  if (i == 0 || IsBadNum(v->substr(0, i))) return false;
  *out = v->substr(0, i);
  v->remove_prefix(i);
  return true;
}

// ParsePrerelease splits "-ident(.ident)*" off the front of *v; numeric identifiers
// must not have leading zeros.
bool ParsePrerelease(std::string_view* v, std::string_view* out) {
  if (v->empty() || (*v)[0] != '-') return false;
  std::size_t i = 1, start = 1;
  while (i < v->size() && (*v)[i] != '+') {
    char c = (*v)[i];
    if (!IsIdentChar(c) && c != '.') return false;
    if (c == '.') {
      if (start == i ||
          (IsNum(v->substr(start, i - start)) && IsBadNum(v->substr(start, i - start))))
        return false;
      start = i + 1;
    }
    ++i;
  }
  std::string_view last = v->substr(start, i - start);
  if (start == i || (IsNum(last) && IsBadNum(last))) return false;
  *out = v->substr(0, i);
  v->remove_prefix(i);
  return true;
}

// ParseBuild splits "+ident(.ident)*" off the front of *v.
bool ParseBuild(std::string_view* v, std::string_view* out) {
  if (v->empty() || (*v)[0] != '+') return false;
  std::size_t i = 1, start = 1;
  for (; i < v->size(); ++i) {
    char c = (*v)[i];
    if (!IsIdentChar(c) && c != '.') return false;
    if (c == '.') {
      if (start == i) return false;
      start = i + 1;
    }
  }
  if (start == i) return false;
  *out = v->substr(0, i);
  v->remove_prefix(i);
  return true;
}

Parsed Parse(std::string_view v) {
  Parsed p;
  if (v.empty() || v[0] != 'v') return p;
  v.remove_prefix(1);
  if (!ParseInt(&v, &p.major)) return p;
  if (v.empty()) {
    p.minor = "0", p.patch = "0", p.short_ = ".0.0", p.ok = true;
    return p;
  }
  if (v[0] != '.') return p;
  v.remove_prefix(1);
  if (!ParseInt(&v, &p.minor)) return p;
  if (v.empty()) {
    p.patch = "0", p.short_ = ".0", p.ok = true;
    return p;
  }
  if (v[0] != '.') return p;
  v.remove_prefix(1);
  if (!ParseInt(&v, &p.patch)) return p;
  if (!v.empty() && v[0] == '-' && !ParsePrerelease(&v, &p.prerelease)) return p;
  if (!v.empty() && v[0] == '+' && !ParseBuild(&v, &p.build)) return p;
  p.ok = v.empty();
  return p;
}

// CompareInt compares decimal numbers without leading zeros.
int CompareInt(std::string_view x, std::string_view y) {
  if (x == y) return 0;
  if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
  return x < y ? -1 : 1;
}

// NextIdent splits the identifier up to the next '.' off *x.
std::string_view NextIdent(std::string_view* x) {
  std::size_t i = x->find('.');
  if (i == std::string_view::npos) i = x->size();
  std::string_view id = x->substr(0, i);
  x->remove_prefix(i);
  return id;
}

// ComparePrerelease orders pre-release suffixes by semver's rules: no suffix sorts
// last; numeric identifiers sort before alphanumeric ones; a prefix sorts first.
int ComparePrerelease(std::string_view x, std::string_view y) {
  if (x == y) return 0;
  if (x.empty()) return 1;
  if (y.empty()) return -1;
  while (!x.empty() && !y.empty()) {
    x.remove_prefix(1);  // '-' or '.'
    y.remove_prefix(1);
    std::string_view dx = NextIdent(&x), dy = NextIdent(&y);
    if (dx == dy) continue;
    bool nx = IsNum(dx), ny = IsNum(dy);
    if (nx != ny) return nx ? -1 : 1;
    if (nx) return CompareInt(dx, dy);
    return dx < dy ? -1 : 1;
  }
  return x.empty() ? -1 : 1;
}

}  // namespace

bool IsValid(std::string_view v) { return Parse(v).ok; }

std::string Canonical(std::string_view v) {
  Parsed p = Parse(v);
  if (!p.ok) return "";
  if (!p.build.empty()) return std::string(v.substr(0, v.size() - p.build.size()));
  std::string out;
  out.reserve(v.size() + p.short_.size());
  return out.append(v).append(p.short_);
}

bool IsCanonical(std::string_view v) {
  Parsed p = Parse(v);
  return p.ok && p.short_.empty() && p.build.empty();
}

std::string Major(std::string_view v) {
  Parsed p = Parse(v);
  if (!p.ok) return "";
  return "v" + std::string(p.major);
}

std::string MajorMinor(std::string_view v) {
  Parsed p = Parse(v);
  if (!p.ok) return "";
  return "v" + std::string(p.major) + "." + std::string(p.minor);
}

std::string Prerelease(std::string_view v) { return std::string(Parse(v).prerelease); }

std::string Build(std::string_view v) { return std::string(Parse(v).build); }

int Compare(std::string_view v, std::string_view w) {
  if (v == w) return 0;  // equal valid versions, or two invalid ones
  Parsed pv = Parse(v), pw = Parse(w);
  if (!pv.ok && !pw.ok) return 0;
  if (!pv.ok) return -1;
  if (!pw.ok) return 1;
  if (int c = CompareInt(pv.major, pw.major)) return c;
  if (int c = CompareInt(pv.minor, pw.minor)) return c;
  if (int c = CompareInt(pv.patch, pw.patch)) return c;
  return ComparePrerelease(pv.prerelease, pw.prerelease);
}

std::string Max(std::string_view v, std::string_view w) {
  std::string cv = Canonical(v), cw = Canonical(w);
  return Compare(cv, cw) > 0 ? cv : cw;
}

void Sort(std::vector<std::string>* versions) {
  std::stable_sort(versions->begin(), versions->end(),
                   [](const std::string& a, const std::string& b) {
                     int c = Compare(a, b);
                     return c != 0 ? c < 0 : a < b;
                   });
}

}  // namespace gotool::modcache::semver
