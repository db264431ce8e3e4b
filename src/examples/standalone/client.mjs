// The official client in Node: `node client.mjs <token> [text]` joins the lobby, says `text` and
// leaves once it has read its own line back; without `text` it stays and prints what it receives.
import { adapters, createConsumer } from "@rails/actioncable"
import WebSocket from "ws"

// Node is not a browser: the client needs a WebSocket class and the global addEventListener it
// watches page visibility with. It sends no Origin: JCable admits that (no page, no cookies to borrow).
adapters.WebSocket = WebSocket
globalThis.addEventListener ??= () => {}
globalThis.removeEventListener ??= () => {}

const [token = "alice-token", text] = process.argv.slice(2)
const consumer = createConsumer(`ws://127.0.0.1:8080/cable?token=${token}`)
consumer.subscriptions.create({ channel: "ChatChannel", room: "lobby" }, {
  connected() {
    console.log("connected to the lobby")
    if (text) this.perform("speak", { text })
  },
  rejected() {
    console.log("rejected")
    consumer.disconnect()
  },
  received(data) {
    console.log(JSON.stringify(data))
    if (text && data.text === text) consumer.disconnect()
  },
})
