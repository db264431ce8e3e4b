/**
 * The demo application of docs/DEMO.md: an example for users, the fixture of the integration
 * tests, and the application a person tries at {@code mvn -Pdemo}.
 */
package io.jcable.demo;
