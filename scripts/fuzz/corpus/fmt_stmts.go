package st

func g() {
	;
	x := 1; ;
L:
	;
	goto L
M:
	for {
		break M
	}
N:
}

func h() { a(); b(); { c() } }
