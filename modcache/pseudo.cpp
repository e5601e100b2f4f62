// Pseudo-versions: recognition, construction and decomposition.
#include "modcache/pseudo.h"

#include <re2/re2.h>

#include <algorithm>

#include "modcache/module.h"
#include "modcache/semver.h"

namespace gotool::modcache::module {
namespace {

const RE2& PseudoVersionRE() {
  static const RE2 re(
      R"(^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$)");
  return re;
}

// IncDecimal adds one to a decimal string ("19" -> "20", "99" -> "100").
std::string IncDecimal(std::string d) {
  int i = static_cast<int>(d.size()) - 1;
  for (; i >= 0 && d[i] == '9'; --i) d[i] = '0';
  if (i >= 0) {
    ++d[i];
  } else {
    d[0] = '1';
    d += '0';
  }
  return d;
}

// DecDecimal subtracts one from a decimal string, or returns "" for zero.
std::string DecDecimal(std::string d) {
  int i = static_cast<int>(d.size()) - 1;
  for (; i >= 0 && d[i] == '0'; --i) d[i] = '9';
  if (i < 0) return "";
  if (i == 0 && d[i] == '1' && d.size() > 1) return d.substr(1);
  --d[i];
  return d;
}

// Parts are the pieces of a pseudo-version.
struct Parts {
  std::string base, timestamp, rev, build;
};

bool ParsePseudo(std::string_view v, Parts* p, std::string* error) {
  if (!IsPseudoVersion(v)) {
    *error = InvalidVersionError{std::string(v), true, "syntax error"}.Message();
    return false;
  }
  p->build = semver::Build(v);
  std::string_view s = v.substr(0, v.size() - p->build.size());
  std::size_t j = s.rfind('-');
  p->rev = std::string(s.substr(j + 1));
  s = s.substr(0, j);
  std::size_t i = s.rfind('-');
  std::size_t dot = s.rfind('.');
  if (dot != std::string_view::npos && dot > i) {
    p->base = std::string(s.substr(0, dot));
    p->timestamp = std::string(s.substr(dot + 1));
  } else {
    p->base = std::string(s.substr(0, i));
    p->timestamp = std::string(s.substr(i + 1));
  }
  return true;
}

// ValidTimestamp reports whether t is a real date and time as yyyymmddhhmmss.
bool ValidTimestamp(std::string_view t) {
  auto num = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(t.substr(at, n))); };
  int year = num(0, 4), month = num(4, 2), day = num(6, 2);
  int hour = num(8, 2), min = num(10, 2), sec = num(12, 2);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days && hour < 24 && min < 60 && sec < 60;
}

}  // namespace

bool IsPseudoVersion(std::string_view v) {
  return std::count(v.begin(), v.end(), '-') >= 2 && semver::IsValid(v) &&
         RE2::FullMatch(re2::StringPiece(v.data(), v.size()), PseudoVersionRE());
}

std::string PseudoVersion(std::string_view major, std::string_view older,
                          std::string_view timestamp, std::string_view rev) {
  std::string m = major.empty() ? "v0" : std::string(major);
  std::string segment = std::string(timestamp) + "-" + std::string(rev);
  std::string build = semver::Build(older);
  std::string canon = semver::Canonical(older);
  if (canon.empty()) return m + ".0.0-" + segment;
  if (!semver::Prerelease(canon).empty()) return canon + ".0." + segment + build;
  std::size_t i = canon.rfind('.') + 1;
  return canon.substr(0, i) + IncDecimal(canon.substr(i)) + "-0." + segment + build;
}

std::string ZeroPseudoVersion(std::string_view major) {
  return PseudoVersion(major, "", "00010101000000", "000000000000");
}

bool IsZeroPseudoVersion(std::string_view v) { return v == ZeroPseudoVersion(semver::Major(v)); }

std::string PseudoVersionTime(std::string_view v, std::string* error) {
  Parts p;
  if (!ParsePseudo(v, &p, error)) return "";
  if (!ValidTimestamp(p.timestamp)) {
    *error =
        InvalidVersionError{std::string(v), true, "malformed time " + Quote(p.timestamp)}.Message();
    return "";
  }
  return p.timestamp;
}

std::string PseudoVersionRev(std::string_view v, std::string* error) {
  Parts p;
  if (!ParsePseudo(v, &p, error)) return "";
  return p.rev;
}

std::string PseudoVersionBase(std::string_view v, std::string* error) {
  Parts p;
  if (!ParsePseudo(v, &p, error)) return "";
  std::string pre = semver::Prerelease(p.base);
  if (pre.empty()) {
    if (!p.build.empty()) {
      *error = InvalidVersionError{std::string(v), true,
                                   "lacks base version, but has build metadata " + Quote(p.build)}
                   .Message();
    }
    return "";
  }
  if (pre == "-0") {
    std::string b = p.base.substr(0, p.base.size() - 2);
    std::size_t i = b.rfind('.');
    std::string patch = DecDecimal(b.substr(i + 1));
    if (patch.empty()) {
      *error = InvalidVersionError{std::string(v), true,
                                   "version before " + b + " would have negative patch number"}
                   .Message();
      return "";
    }
    return b.substr(0, i + 1) + patch + p.build;
  }
  return p.base.substr(0, p.base.size() - 2) + p.build;
}

}  // namespace gotool::modcache::module
