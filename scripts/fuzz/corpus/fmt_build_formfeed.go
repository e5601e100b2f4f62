//+build&
package i