//
package p