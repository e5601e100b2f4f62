// Tests of the operation statuses (division by zero, invalid operations), Unknown
// propagation and value semantics of pkg/constant.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pkg/constant/value.h"

namespace gotool::constant {

namespace {

Value Int(const char* lit) { return MakeFromLiteral(lit, Token::INT); }
Value Float(const char* lit) { return MakeFromLiteral(lit, Token::FLOAT); }
Value Imag(const char* lit) { return MakeFromLiteral(lit, Token::IMAG); }

TEST(OpsTest, DivisionByZeroIsReported) {
  const Value zeros[] = {
      Int("0"),
      Float("0.0"),
      MakeFloat(BigFloat()),
      Imag("0i"),
  };
  const Value dividends[] = {Int("1"), Int("100000000000000000000"), Float("1.5"), Float("1e5000"),
                             Imag("2i")};
  for (const Value& x : dividends) {
    for (size_t i = 0; i < 4; i++) {
      SCOPED_TRACE(x.String() + " / " + zeros[i].String());
      Value z = MakeInt64(42);
      EXPECT_EQ(BinaryOpChecked(x, Token::QUO, zeros[i], &z), OpStatus::kDivByZero);
      EXPECT_EQ(z.kind(), Kind::kUnknown);
      EXPECT_EQ(BinaryOp(x, Token::QUO, zeros[i]).kind(), Kind::kUnknown);
    }
  }
  Value z;
  EXPECT_EQ(BinaryOpChecked(Int("7"), Token::QUO_ASSIGN, Int("0"), &z), OpStatus::kDivByZero);
  EXPECT_EQ(BinaryOpChecked(Int("7"), Token::REM, Int("0"), &z), OpStatus::kDivByZero);
  EXPECT_EQ(BinaryOpChecked(Int("100000000000000000000"), Token::REM, Int("0"), &z),
            OpStatus::kDivByZero);
  EXPECT_EQ(BinaryOpChecked(Int("100000000000000000000"), Token::QUO_ASSIGN, Int("0"), &z),
            OpStatus::kDivByZero);
}

TEST(OpsTest, InvalidOperations) {
  Value z;
  EXPECT_EQ(BinaryOpChecked(MakeString("a"), Token::SUB, MakeString("b"), &z),
            OpStatus::kInvalidOp);
  EXPECT_EQ(BinaryOpChecked(MakeString("a"), Token::ADD, MakeInt64(1), &z), OpStatus::kInvalidOp);
  EXPECT_EQ(BinaryOpChecked(MakeBool(true), Token::ADD, MakeBool(false), &z), OpStatus::kInvalidOp);
  EXPECT_EQ(BinaryOpChecked(Float("1.5"), Token::REM, Float("1.0"), &z), OpStatus::kInvalidOp);
  EXPECT_EQ(BinaryOpChecked(Float("1e5000"), Token::AND, Float("1e5000"), &z),
            OpStatus::kInvalidOp);
  EXPECT_EQ(BinaryOpChecked(Imag("1i"), Token::REM, Imag("1i"), &z), OpStatus::kInvalidOp);
  EXPECT_EQ(UnaryOpChecked(Token::XOR, Float("1.5"), 0, &z), OpStatus::kInvalidOp);
  EXPECT_EQ(UnaryOpChecked(Token::NOT, MakeInt64(1), 0, &z), OpStatus::kInvalidOp);
  EXPECT_EQ(UnaryOpChecked(Token::SUB, MakeString("x"), 0, &z), OpStatus::kInvalidOp);
  EXPECT_EQ(ShiftChecked(Float("1.5"), Token::SHL, 1, &z), OpStatus::kInvalidOp);
  EXPECT_EQ(ShiftChecked(MakeInt64(1), Token::ADD, 1, &z), OpStatus::kInvalidOp);
  bool b;
  EXPECT_EQ(CompareChecked(Imag("1i"), Token::LSS, Imag("2i"), &b), OpStatus::kInvalidOp);
  EXPECT_EQ(CompareChecked(MakeBool(true), Token::LSS, MakeBool(false), &b), OpStatus::kInvalidOp);
  EXPECT_EQ(CompareChecked(MakeString("a"), Token::EQL, MakeInt64(1), &b), OpStatus::kInvalidOp);
}

TEST(OpsTest, UnknownPropagates) {
  Value u = MakeUnknown();
  Value z;
  EXPECT_EQ(BinaryOpChecked(u, Token::ADD, MakeInt64(1), &z), OpStatus::kOk);
  EXPECT_EQ(z.kind(), Kind::kUnknown);
  EXPECT_EQ(BinaryOpChecked(MakeInt64(1), Token::QUO, u, &z), OpStatus::kOk);
  EXPECT_EQ(z.kind(), Kind::kUnknown);
  EXPECT_EQ(UnaryOp(Token::SUB, u).kind(), Kind::kUnknown);
  EXPECT_EQ(Shift(u, Token::SHL, 3).kind(), Kind::kUnknown);
  EXPECT_FALSE(Compare(u, Token::EQL, u));
  EXPECT_EQ(Sign(u), 1);  // avoids spurious division-by-zero errors
  EXPECT_EQ(u.String(), "unknown");
  EXPECT_EQ(MakeImag(u).kind(), Kind::kUnknown);
  // An overflowing float becomes Unknown, as big.Float's infinity does.
  EXPECT_EQ(MakeFromLiteral("1e1000000000", Token::FLOAT).kind(), Kind::kUnknown);
  EXPECT_EQ(MakeFloat64(1.0 / 0.0).kind(), Kind::kUnknown);
}

TEST(OpsTest, BoolsAndStrings) {
  EXPECT_EQ(BinaryOp(MakeBool(true), Token::LAND, MakeBool(false)).String(), "false");
  EXPECT_EQ(BinaryOp(MakeBool(true), Token::LOR, MakeBool(false)).String(), "true");
  EXPECT_EQ(UnaryOp(Token::NOT, MakeBool(false)).String(), "true");
  EXPECT_TRUE(Compare(MakeBool(true), Token::NEQ, MakeBool(false)));
  Value s = MakeString("");
  for (int i = 0; i < 100; i++) s = BinaryOp(s, Token::ADD, MakeString("ab"));
  EXPECT_EQ(StringVal(s).size(), 200u);
  EXPECT_EQ(s.String().size(), 72u);  // 69 runes and "..."
  EXPECT_TRUE(Compare(MakeString("ab"), Token::LSS, MakeString("b")));
  EXPECT_TRUE(Compare(MakeString("b"), Token::GEQ, MakeString("ab")));
  EXPECT_TRUE(BoolVal(MakeBool(true)));
  EXPECT_FALSE(BoolVal(MakeUnknown()));
  EXPECT_EQ(StringVal(MakeUnknown()), "");
}

// A file of long string literals added together (time/tzdata's zipdata) keeps every
// partial sum alive in the checker's records: copying each sum would need time and
// memory quadratic in the length (here about 4.5 GB); ropes keep both linear.
TEST(OpsTest, LongStringConcatenationsShareTheirParts) {
  const std::string chunk(1000, 'z');
  std::vector<Value> sums{MakeString("<")};
  for (int i = 0; i < 3000; i++) {
    sums.push_back(BinaryOp(sums.back(), Token::ADD, MakeString(chunk + char('a' + i % 26))));
  }
  std::string all = StringVal(sums.back());
  ASSERT_EQ(all.size(), 1u + 3000u * 1001u);
  EXPECT_EQ(all.substr(0, 2), "<z");
  EXPECT_EQ(all[1001], 'a');
  EXPECT_EQ(all.back(), char('a' + 2999 % 26));
  EXPECT_EQ(StringVal(sums[2]), "<" + chunk + "a" + chunk + "b");
  EXPECT_TRUE(Compare(sums[2], Token::LSS, sums[3]));
  EXPECT_EQ(sums[1].String().size(), 72u);
  EXPECT_EQ(BinaryOp(MakeString("a"), Token::ADD, sums[1]).ExactString().size(), 1u + 1002u + 2u);
}

TEST(OpsTest, ValueSemantics) {
  std::vector<Value> values;
  Value big = Int("123456789012345678901234567890");
  for (int i = 0; i < 10; i++) values.push_back(big);
  big = MakeInt64(0);  // the copies keep the shared representation alive
  for (const Value& v : values) EXPECT_EQ(v.String(), "123456789012345678901234567890");
  Value c = BinaryOp(Imag("1e5000i"), Token::ADD, Float("0.5"));
  Value d = c;
  c = MakeUnknown();
  EXPECT_EQ(d.kind(), Kind::kComplex);
  EXPECT_EQ(Real(d).ExactString(), "1/2");
}

TEST(OpsTest, UntypedIntLimitIsTheCheckersJob) {
  // Values beyond 512 bits are still exact; go/types reports "constant ... overflow".
  Value x = Shift(MakeInt64(1), Token::SHL, 600);
  EXPECT_EQ(BitLen(x), 601);
  EXPECT_EQ(BitLen(BinaryOp(x, Token::SUB, MakeInt64(1))), 600);
  EXPECT_EQ(BitLen(MakeInt64(INT64_MIN)), 64);
  EXPECT_EQ(BitLen(MakeInt64(-1)), 1);
}

TEST(OpsTest, RepresentationSwitchesToFloat) {
  // Rationals whose parts reach 4096 bits become 512-bit floats and stay floats.
  Value third = BinaryOp(MakeInt64(1), Token::QUO, MakeInt64(3));
  EXPECT_EQ(third.repr(), Value::Repr::kRat);
  Value x = BinaryOp(third, Token::MUL, Shift(MakeInt64(1), Token::SHL, 4100));
  EXPECT_EQ(x.repr(), Value::Repr::kFloat);
  Value back = BinaryOp(x, Token::QUO, Shift(MakeInt64(1), Token::SHL, 4100));
  EXPECT_EQ(back.repr(), Value::Repr::kFloat);
  EXPECT_EQ(back.String(), "0.333333");
  EXPECT_EQ(ToInt(BinaryOp(back, Token::MUL, MakeInt64(3))).ExactString(), "1");
}

}  // namespace
}  // namespace gotool::constant
