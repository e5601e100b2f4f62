//x
	package p

//y
  func f() {}
