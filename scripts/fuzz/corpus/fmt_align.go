package al

type T struct {
	A int `json:"a"` // a
	LongName string // long
	b, c float64
	*Embedded
	x struct{ y int }
}

var (
	short = 1 // one
	muchLongerName = 22 // two
	z int
)

var m = map[string]int{
	"a": 1,
	"longer": 2,
	"c":
	3,
}
