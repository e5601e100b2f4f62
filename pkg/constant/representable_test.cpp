// Tests of Representable and Representation against go/types 1.19: which constants
// fit which basic types, the float32/float64 rounding, and the overflow/truncation
// classification of failures. Expectations come from go/types checking
// `var _ T = x` and `T(x)` for each case.
#include <gtest/gtest.h>

#include <string>

#include "pkg/constant/representable.h"

namespace gotool::constant {
namespace {

std::string Trim(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// Eval evaluates the small constant expressions of the table: literals, unary minus,
// "a << n", "a / b" and "(a + b)".
Value Eval(std::string e) {
  e = Trim(e);
  if (e.front() == '(' && e.back() == ')') {
    std::string inner = e.substr(1, e.size() - 2);
    size_t plus = inner.find(" + ");
    if (plus == std::string::npos) return Eval(inner);
    return BinaryOp(Eval(inner.substr(0, plus)), Token::ADD, Eval(inner.substr(plus + 3)));
  }
  if (size_t shl = e.find("<<"); shl != std::string::npos) {
    return Shift(Eval(e.substr(0, shl)), Token::SHL, unsigned(std::stoul(e.substr(shl + 2))));
  }
  if (size_t quo = e.find('/'); quo != std::string::npos) {
    return BinaryOp(Eval(e.substr(0, quo)), Token::QUO, Eval(e.substr(quo + 1)));
  }
  if (e.front() == '-') return UnaryOp(Token::SUB, Eval(e.substr(1)));
  if (e.front() == '"') return MakeFromLiteral(e, Token::STRING);
  if (e.back() == 'i') return MakeFromLiteral(e, Token::IMAG);
  bool hex = e.size() > 1 && e[1] == 'x';
  if (e.find('.') != std::string::npos || e.find('p') != std::string::npos ||
      (!hex && e.find('e') != std::string::npos)) {
    return MakeFromLiteral(e, Token::FLOAT);
  }
  return MakeFromLiteral(e, Token::INT);
}

struct RepresentableCase {
  const char* expr;
  BasicKind from;
  BasicKind target;
  const char* rounded;  // ExactString of the converted value; "" if not representable
  const char* message;  // go/types' error for `var _ T = x`, "" if none
};

const RepresentableCase kCases[] = {
    {"127", BasicKind::kUntypedInt, BasicKind::kInt8, "127", ""},
    {"128", BasicKind::kUntypedInt, BasicKind::kInt8, "", "cannot use x (untyped int constant 128) as int8 value in variable declaration (overflows)"},
    {"-128", BasicKind::kUntypedInt, BasicKind::kInt8, "-128", ""},
    {"-129", BasicKind::kUntypedInt, BasicKind::kInt8, "", "cannot use x (untyped int constant -129) as int8 value in variable declaration (overflows)"},
    {"255", BasicKind::kUntypedInt, BasicKind::kUint8, "255", ""},
    {"256", BasicKind::kUntypedInt, BasicKind::kUint8, "", "cannot use x (untyped int constant 256) as uint8 value in variable declaration (overflows)"},
    {"-1", BasicKind::kUntypedInt, BasicKind::kUint8, "", "cannot use x (untyped int constant -1) as uint8 value in variable declaration (overflows)"},
    {"32768", BasicKind::kUntypedInt, BasicKind::kInt16, "", "cannot use x (untyped int constant 32768) as int16 value in variable declaration (overflows)"},
    {"2147483647", BasicKind::kUntypedInt, BasicKind::kInt32, "2147483647", ""},
    {"-2147483649", BasicKind::kUntypedInt, BasicKind::kInt32, "", "cannot use x (untyped int constant -2147483649) as int32 value in variable declaration (overflows)"},
    {"4294967296", BasicKind::kUntypedInt, BasicKind::kUint32, "", "cannot use x (untyped int constant 4294967296) as uint32 value in variable declaration (overflows)"},
    {"9223372036854775808", BasicKind::kUntypedInt, BasicKind::kInt64, "", "cannot use x (untyped int constant 9223372036854775808) as int64 value in variable declaration (overflows)"},
    {"-9223372036854775808", BasicKind::kUntypedInt, BasicKind::kInt64, "-9223372036854775808", ""},
    {"18446744073709551615", BasicKind::kUntypedInt, BasicKind::kUint64, "18446744073709551615", ""},
    {"18446744073709551616", BasicKind::kUntypedInt, BasicKind::kUint64, "", "cannot use x (untyped int constant 18446744073709551616) as uint64 value in variable declaration (overflows)"},
    {"18446744073709551615", BasicKind::kUntypedInt, BasicKind::kUint, "18446744073709551615", ""},
    {"1 << 64", BasicKind::kUntypedInt, BasicKind::kUintptr, "", "cannot use x (untyped int constant 18446744073709551616) as uintptr value in variable declaration (overflows)"},
    {"1 << 63", BasicKind::kUntypedInt, BasicKind::kInt, "", "cannot use x (untyped int constant 9223372036854775808) as int value in variable declaration (overflows)"},
    {"-1 << 63", BasicKind::kUntypedInt, BasicKind::kInt, "-9223372036854775808", ""},
    {"1.0", BasicKind::kUntypedFloat, BasicKind::kInt, "1", ""},
    {"1.5", BasicKind::kUntypedFloat, BasicKind::kInt, "", "cannot use x (untyped float constant 1.5) as int value in variable declaration (truncated)"},
    {"255.0", BasicKind::kUntypedFloat, BasicKind::kUint8, "255", ""},
    {"256.0", BasicKind::kUntypedFloat, BasicKind::kUint8, "", "cannot use x (untyped float constant 256) as uint8 value in variable declaration (truncated)"},
    {"1e100", BasicKind::kUntypedFloat, BasicKind::kInt, "", "cannot use x (untyped float constant 1e+100) as int value in variable declaration (truncated)"},
    {"-0.5", BasicKind::kUntypedFloat, BasicKind::kInt8, "", "cannot use x (untyped float constant -0.5) as int8 value in variable declaration (truncated)"},
    {"2i", BasicKind::kUntypedComplex, BasicKind::kInt, "", "cannot use x (untyped complex constant (0 + 2i)) as int value in variable declaration (truncated)"},
    {"(3 + 0i)", BasicKind::kUntypedComplex, BasicKind::kInt, "3", ""},
    {"1e38", BasicKind::kUntypedFloat, BasicKind::kFloat32, "99999996802856924650656260769173209088", ""},
    {"1e39", BasicKind::kUntypedFloat, BasicKind::kFloat32, "", "cannot use x (untyped float constant 1e+39) as float32 value in variable declaration (overflows)"},
    {"1e-50", BasicKind::kUntypedFloat, BasicKind::kFloat32, "0", ""},
    {"0.1", BasicKind::kUntypedFloat, BasicKind::kFloat32, "13421773/134217728", ""},
    {"16777217", BasicKind::kUntypedInt, BasicKind::kFloat32, "16777216", ""},
    {"3.4028235e38", BasicKind::kUntypedFloat, BasicKind::kFloat32, "340282346638528859811704183484516925440", ""},
    {"3.4028236e38", BasicKind::kUntypedFloat, BasicKind::kFloat32, "", "cannot use x (untyped float constant 3.40282e+38) as float32 value in variable declaration (overflows)"},
    {"3.40282357e38", BasicKind::kUntypedFloat, BasicKind::kFloat32, "", "cannot use x (untyped float constant 3.40282e+38) as float32 value in variable declaration (overflows)"},
    {"1e308", BasicKind::kUntypedFloat, BasicKind::kFloat64, "100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105291802893207873272974885715430223118336", ""},
    {"1e309", BasicKind::kUntypedFloat, BasicKind::kFloat64, "", "cannot use x (untyped float constant 1e+309) as float64 value in variable declaration (overflows)"},
    {"0.1", BasicKind::kUntypedFloat, BasicKind::kFloat64, "3602879701896397/36028797018963968", ""},
    {"1e-400", BasicKind::kUntypedFloat, BasicKind::kFloat64, "0", ""},
    {"0x1p1024", BasicKind::kUntypedFloat, BasicKind::kFloat64, "", "cannot use x (untyped float constant 1.79769e+308) as float64 value in variable declaration (overflows)"},
    {"1<<511", BasicKind::kUntypedInt, BasicKind::kFloat64, "6703903964971298549787012499102923063739682910296196688861780721860882015036773488400937149083451713845015929093243025426876941405973284973216824503042048", ""},
    {"1<<200", BasicKind::kUntypedInt, BasicKind::kFloat32, "", "cannot use x (untyped int constant 1606938044258990275541962092341162602522202993782792835301376) as float32 value in variable declaration (overflows)"},
    {"1e1000", BasicKind::kUntypedFloat, BasicKind::kFloat64, "", "cannot use x (untyped float constant 1e+1000) as float64 value in variable declaration (overflows)"},
    {"1/3.0", BasicKind::kUntypedFloat, BasicKind::kFloat64, "6004799503160661/18014398509481984", ""},
    {"1/3.0", BasicKind::kUntypedFloat, BasicKind::kFloat32, "11184811/33554432", ""},
    {"1e39", BasicKind::kUntypedFloat, BasicKind::kComplex64, "", "cannot use x (untyped float constant 1e+39) as complex64 value in variable declaration (overflows)"},
    {"(0.1 + 0.2i)", BasicKind::kUntypedComplex, BasicKind::kComplex64, "(13421773/134217728 + 13421773/67108864i)", ""},
    {"(1e309i)", BasicKind::kUntypedComplex, BasicKind::kComplex128, "", "cannot use x (untyped complex constant (0 + 1e+309i)) as complex128 value in variable declaration (overflows)"},
    {"(1 + 1e-400i)", BasicKind::kUntypedComplex, BasicKind::kComplex128, "(1 + 0i)", ""},
    {"2i", BasicKind::kUntypedComplex, BasicKind::kFloat64, "", "cannot use x (untyped complex constant (0 + 2i)) as float64 value in variable declaration (overflows)"},
    {"(2 + 0i)", BasicKind::kUntypedComplex, BasicKind::kFloat64, "2", ""},
    {"1", BasicKind::kUntypedInt, BasicKind::kBool, "", "cannot use x (untyped int constant 1) as bool value in variable declaration"},
    {"\042a\042", BasicKind::kUntypedString, BasicKind::kInt, "", "cannot use x (untyped string constant \042a\042) as int value in variable declaration"},
};

TEST(RepresentableTest, MatchesGoTypes) {
  for (const RepresentableCase& c : kCases) {
    SCOPED_TRACE(c.expr);
    Value x = Eval(c.expr);
    ASSERT_NE(x.kind(), Kind::kUnknown);
    Value rounded;
    bool ok = Representable(x, c.target, &rounded);
    std::string want = c.rounded;
    EXPECT_EQ(ok, !want.empty());
    if (ok) {
      EXPECT_EQ(rounded.ExactString(), want);
    }
    EXPECT_EQ(Representable(x, c.target), ok);

    std::string msg = c.message;
    ConversionError want_err = ConversionError::kNone;
    if (msg.find("(truncated)") != std::string::npos) {
      want_err = ConversionError::kTruncated;
    } else if (msg.find("(overflows)") != std::string::npos) {
      want_err = ConversionError::kOverflows;
    } else if (!msg.empty()) {
      want_err = ConversionError::kInvalid;
    }
    Value out;
    EXPECT_EQ(Representation(x, c.from, c.target, &out), want_err);
    if (!msg.empty()) {
      // The operand is described with the constant's short String form.
      EXPECT_NE(msg.find("constant " + x.String() + ")"), std::string::npos) << msg;
    }
  }
}

TEST(RepresentableTest, WordSize) {
  Value big = MakeFromLiteral("4294967296", Token::INT);
  EXPECT_TRUE(Representable(big, BasicKind::kInt, nullptr, 8));
  EXPECT_FALSE(Representable(big, BasicKind::kInt, nullptr, 4));
  EXPECT_FALSE(Representable(big, BasicKind::kUintptr, nullptr, 4));
  EXPECT_TRUE(Representable(MakeInt64(-2147483648), BasicKind::kInt, nullptr, 4));
  EXPECT_FALSE(Representable(MakeInt64(-2147483649), BasicKind::kInt, nullptr, 4));
}

TEST(RepresentableTest, Messages) {
  EXPECT_EQ(ConversionMessage(ConversionError::kOverflows, "x (untyped int constant 300)", "int8"),
            "x (untyped int constant 300) overflows int8");
  EXPECT_EQ(ConversionMessage(ConversionError::kTruncated, "x (untyped float constant 1.5)", "int"),
            "x (untyped float constant 1.5) truncated to int");
  EXPECT_EQ(ConversionMessage(ConversionError::kInvalid, "x (untyped int constant 1)", "bool"),
            "cannot convert x (untyped int constant 1) to bool");
}

TEST(RepresentableTest, UnknownIsRepresentable) {
  EXPECT_TRUE(Representable(MakeUnknown(), BasicKind::kInt8));
  EXPECT_TRUE(Representable(MakeUnknown(), BasicKind::kString));
}

}  // namespace
}  // namespace gotool::constant
