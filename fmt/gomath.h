// Go's math.Log and math.Exp, bit for bit as gc computes them on amd64: gofmt's
// alignment heuristic compares a ratio of geometric means against a threshold, so
// the last bit of these functions can change where a column breaks.
#pragma once

namespace gotool::gofmt {

// GoLog returns the natural logarithm of x as Go's math.Log does on amd64 (the
// fdlibm-style reduction to [sqrt(2)/2, sqrt(2)) and a degree-14 odd polynomial).
double GoLog(double x);

// GoExp returns e**x as Go's math.Exp does on amd64 (argument reduction by ln 2,
// then a Taylor polynomial on x/16 squared back four times); like Go, it uses fused
// multiply-adds exactly when the CPU has AVX and FMA.
double GoExp(double x);

// GoExpWithFMA is GoExp with the fused-multiply-add choice made by the caller.
double GoExpWithFMA(double x, bool use_fma);

}  // namespace gotool::gofmt
