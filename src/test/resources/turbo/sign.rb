# Signs stream names as turbo-rails does (Turbo.signed_stream_verifier), with Ruby's ActiveSupport:
# the fixtures of SignedStreamNamesTest. Run: ruby src/test/resources/turbo/sign.rb > src/test/resources/turbo/rails-signed.properties
require "json"
require "openssl"
require "active_support"
require "active_support/message_verifier"

names = ["comments:post:42", "chat_lobby", "ünïcödé:\"quoted\"", "Post:7:comments"]
key = "demo-turbo-key"
base = "7a5d0b3c2f" * 12
# Rails.application.key_generator.generate_key("turbo/signed_stream_verifier_key") in Rails 7+ (SHA256 is
# the key generator's digest since 7.0). Debian's ActiveSupport 6.1 knows only SHA1 there, so its
# PBKDF2 is called here as Rails 7's KeyGenerator calls it.
derived = OpenSSL::PKCS5.pbkdf2_hmac(base, "turbo/signed_stream_verifier_key", 1000, 64, OpenSSL::Digest::SHA256.new)
puts "# ActiveSupport #{ActiveSupport::VERSION::STRING}; key=#{key}; secret_key_base=#{base}"
puts "key=#{key}"
puts "secret_key_base=#{base}"
{ "key" => key, "base" => derived }.each do |mode, secret|
  verifier = ActiveSupport::MessageVerifier.new(secret, digest: "SHA256", serializer: JSON)
  names.each_with_index { |name, i| puts "#{mode}.#{i}.name=#{JSON.generate(name)}", "#{mode}.#{i}.signed=#{verifier.generate(name)}" }
end
