/**
 * The protocol suite on application servers: each class deploys the demo WAR with Arquillian and runs
 * a suite of io.jcable.suite against it as a client. The pom runs this package twice, on WildFly and
 * on Payara Micro (failsafe executions "wildfly" and "payara").
 */
package io.jcable.container;
