# frozen_string_literal: true
#
# The demo of docs/DEMO.md on Rails ActionCable itself (Debian's
# ruby-actioncable 6.1), standalone: no Rails application, no database, async pubsub.
#   /cable       ActionCable server (ApplicationCable::Connection + channels in app/)
#   /_broadcast  AnyCable-compatible HTTP broadcast API (app/broadcast_endpoint.rb)
# Configuration comes from the environment, see start.sh.

$LOAD_PATH.unshift File.expand_path("app", __dir__)

require "logger"
require "action_cable"
require "jwt"

require "application_cable"
require "chat_channel"
require "comments_channel"
require "benchmark_channel"
require "broadcast_endpoint"

logger = Logger.new($stderr)
logger.level = Logger.const_get(ENV.fetch("CABLE_LOG_LEVEL", "warn").upcase)

cable = ActionCable.server.config
cable.cable = { "adapter" => "async" }
cable.logger = logger
cable.connection_class = -> { ApplicationCable::Connection }
cable.worker_pool_size = Integer(ENV.fetch("CABLE_WORKER_POOL", "4"))

origins = ENV["CABLE_ALLOWED_ORIGINS"].to_s.split(",").map(&:strip).reject(&:empty?)
if ENV.key?("CABLE_ALLOWED_ORIGINS")
  # The contract allows exactly the listed origins: Rails' default "same origin as Host"
  # exception would let http://127.0.0.1:PORT in even when it is not listed.
  cable.disable_request_forgery_protection = false
  cable.allow_same_origin_as_host = false
  cable.allowed_request_origins = origins
else
  cable.disable_request_forgery_protection = true
end

map "/cable" do
  run ActionCable.server
end

map "/_broadcast" do
  run BroadcastEndpoint.new(key: ENV["CABLE_BROADCAST_KEY"], server: ActionCable.server, logger: logger)
end

run ->(_env) { [404, { "Content-Type" => "text/plain" }, ["Not found\n"]] }
