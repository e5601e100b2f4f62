package i
import(_"a/blank"/*b*/
_"a/blank"/*
*/
)