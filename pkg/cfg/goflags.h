// Go-style command-line flags: parsing as Go's flag package does, normalised for CLI11.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::cfg {

// FlagKind says how a flag takes its value, which decides how its arguments parse.
enum class FlagKind {
  kBool,    // -v, -v=false; never consumes the next argument
  kInt,     // -count 3, -count=0x10; validated as Go's strconv.ParseInt(s, 0, 64)
  kString,  // -run X, -run=X
  kRest,    // -args: ends the flags; every later argument goes to FlagParse::rest
};

// FlagSpec declares one flag of a command: its name without dashes and its kind.
struct FlagSpec {
  std::string name;
  FlagKind kind = FlagKind::kBool;
};

// ParsedFlag is one flag occurrence, in command-line order, with its canonical value:
// "true"/"false" for booleans, decimal for integers, verbatim for strings.
struct ParsedFlag {
  std::string name;
  std::string value;
};

// FlagParse is the outcome of ParseGoFlags.
struct FlagParse {
  std::vector<ParsedFlag> flags;  // in command-line order; a repeated flag repeats
  std::vector<std::string> args;  // the non-flag arguments
  std::vector<std::string> rest;  // the arguments after a kRest flag, unparsed
  bool help = false;              // -h or -help was given and is not a defined flag
  std::string error;              // the flag package's message, e.g. "flag needs an argument: -run"
};

// ParseGoFlags parses args (without the command name) as Go's flag package does:
// -name, --name, -name=value, --name=value, -name value for non-boolean flags, and
// "--" ending the flags. Parsing stops at the first non-flag argument ("-" is one)
// unless interspersed is set, in which case flags may follow non-flag arguments (as
// `go test` allows). On error, error is set and the other fields are partial.
FlagParse ParseGoFlags(std::span<const FlagSpec> specs, const std::vector<std::string>& args,
                       bool interspersed = false);

// ToCliArgs renders a successful parse as arguments CLI11 parses unambiguously:
// "--name=value" for every flag, then "--" and the non-flag arguments.
std::vector<std::string> ToCliArgs(const FlagParse& parse);

// SplitFields splits s around runs of white space, as Go's strings.Fields does; it is
// how $GOFLAGS is split into words.
std::vector<std::string> SplitFields(std::string_view s);

// CheckGoflags checks the words of $GOFLAGS as the go command does before running any
// command: each must look like a flag (-x, --x, -x=value) and name a flag that some
// command defines (known reports that). It returns "" or the message, such as
// "parsing $GOFLAGS: unknown flag -foo".
std::string CheckGoflags(const std::vector<std::string>& words,
                         const std::function<bool(std::string_view)>& known);

// ApplyGoflags turns the words of $GOFLAGS into flags of one command, whose flags are
// specs: words naming flags the command lacks are ignored; a value must follow '='
// except for booleans. On error it sets FlagParse::error, e.g. "flag needs an argument:
// -o (from $GOFLAGS)".
FlagParse ApplyGoflags(std::span<const FlagSpec> specs, const std::vector<std::string>& words);

// ParseGoBool parses s as Go's strconv.ParseBool; it returns false when s is invalid.
bool ParseGoBool(std::string_view s, bool* value);

// ParseGoInt parses s as Go's strconv.ParseInt(s, 0, 64): an optional sign, then a
// decimal number or one with a 0x, 0o, 0b or 0 (octal) prefix; underscores may
// separate digits only after a prefix. On failure it returns false and sets *reason
// to Go's wording: "parse error" or "value out of range".
bool ParseGoInt(std::string_view s, long long* value, std::string* reason = nullptr);


}  // namespace gotool::cfg
