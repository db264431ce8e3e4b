// The official @rails/actioncable client on one node of a JCable cluster receives what is broadcast
// on the other (HTTP broadcast API), once. The nodes are started by ClusterIT, which gives their
// root URLs in JCABLE_NODE_A and JCABLE_NODE_B.
import { test } from "node:test";
import assert from "node:assert/strict";
import { broadcast } from "./demo-server.mjs";
import { connect, quiet } from "./official-client.mjs";

/** A node of the running cluster, as the demo handle the helpers take. */
function node(url) {
  const root = new URL(url);
  const http = (path) => new URL(path.replace(/^\//, ""), root).toString();
  return { http, cable: (token) => `ws${http("cable").slice(4)}?token=${encodeURIComponent(token)}` };
}

test("a CommentsChannel subscriber on node A receives a broadcast posted to node B, once", async (t) => {
  const [a, b] = [node(process.env.JCABLE_NODE_A), node(process.env.JCABLE_NODE_B)];
  const reader = connect(a, "reader");
  t.after(() => reader.disconnect());
  const comments = reader.subscribe({ channel: "CommentsChannel", post_id: "77" });
  await comments.called("connected");

  assert.equal(await broadcast(b, "comments:post:77", { body: "from the other node" }), 201);
  await comments.receivedCount(1);
  await quiet(500);
  assert.deepEqual(comments.events, [["connected", { reconnected: false }], ["received", { body: "from the other node" }]]);
});
