//b
//+build
package i