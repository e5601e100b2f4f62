package
//
l