// @generated from proto/tether/system.proto by packages/protocol/scripts/generate.mjs. Do not edit.
/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "../protobuf-runtime.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

const $root = $protobuf.roots["tether_system"] || ($protobuf.roots["tether_system"] = {});

export const tether = $root.tether = (() => {

    const tether = {};

    tether.system = (function() {

        const system = {};

        system.CompressionAlgorithm = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "COMPRESSION_NONE"] = 0;
            values[valuesById[1] = "COMPRESSION_ZSTD"] = 1;
            values[valuesById[2] = "COMPRESSION_LZ4"] = 2;
            values[valuesById[3] = "COMPRESSION_GZIP"] = 3;
            return values;
        })();

        system.CipherAlgorithm = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CIPHER_NONE"] = 0;
            values[valuesById[1] = "CIPHER_TLS"] = 1;
            values[valuesById[2] = "CIPHER_CHACHA20_POLY1305"] = 2;
            values[valuesById[3] = "CIPHER_AES_256_GCM"] = 3;
            return values;
        })();

        system.ClientHelloReq = (function() {

            const ClientHelloReq = function (properties) {
                this.supportedCompressions = [];
                this.supportedCiphers = [];
                this.ext = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ClientHelloReq.prototype.protocolVersion = 0;
            ClientHelloReq.prototype.clientVersion = "";
            ClientHelloReq.prototype.maxFrameBytes = 0;
            ClientHelloReq.prototype.supportedCompressions = $util.emptyArray;
            ClientHelloReq.prototype.supportedCiphers = $util.emptyArray;
            ClientHelloReq.prototype.requireEncrypt = false;
            ClientHelloReq.prototype.requireAckPush = false;
            ClientHelloReq.prototype.clientKeyShare = $util.newBuffer([]);
            ClientHelloReq.prototype.clientNonce = $util.newBuffer([]);
            ClientHelloReq.prototype.ext = $util.emptyObject;

            ClientHelloReq.create = function(properties) {
                return new ClientHelloReq(properties);
            };

            ClientHelloReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(8).uint32(message.protocolVersion);
                if (message.clientVersion != null && $Object.hasOwnProperty.call(message, "clientVersion") && message.clientVersion !== "")
                    writer.uint32(18).string(message.clientVersion);
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                    writer.uint32(24).uint32(message.maxFrameBytes);
                if (message.supportedCompressions != null && message.supportedCompressions.length)
                    writer.uint32(34).int32s(message.supportedCompressions);
                if (message.supportedCiphers != null && message.supportedCiphers.length)
                    writer.uint32(42).int32s(message.supportedCiphers);
                if (message.requireEncrypt != null && $Object.hasOwnProperty.call(message, "requireEncrypt") && message.requireEncrypt !== false)
                    writer.uint32(48).bool(message.requireEncrypt);
                if (message.requireAckPush != null && $Object.hasOwnProperty.call(message, "requireAckPush") && message.requireAckPush !== false)
                    writer.uint32(56).bool(message.requireAckPush);
                if (message.clientKeyShare != null && $Object.hasOwnProperty.call(message, "clientKeyShare") && message.clientKeyShare.length)
                    writer.uint32(66).bytes(message.clientKeyShare);
                if (message.clientNonce != null && $Object.hasOwnProperty.call(message, "clientNonce") && message.clientNonce.length)
                    writer.uint32(74).bytes(message.clientNonce);
                if (message.ext != null && $Object.hasOwnProperty.call(message, "ext"))
                    for (let keys = $Object.keys(message.ext), i = 0; i < keys.length; ++i)
                        writer.uint32(82).fork().uint32(10).string(keys[i]).uint32(18).string(message.ext[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ClientHelloReq.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.ClientHelloReq();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clientVersion = value;
                            else
                                delete message.clientVersion;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxFrameBytes = value;
                            else
                                delete message.maxFrameBytes;
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.supportedCompressions && message.supportedCompressions.length))
                                    message.supportedCompressions = [];
                                reader.int32s(message.supportedCompressions);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.supportedCompressions && message.supportedCompressions.length))
                                message.supportedCompressions = [];
                            message.supportedCompressions.push(reader.int32());
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.supportedCiphers && message.supportedCiphers.length))
                                    message.supportedCiphers = [];
                                reader.int32s(message.supportedCiphers);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.supportedCiphers && message.supportedCiphers.length))
                                message.supportedCiphers = [];
                            message.supportedCiphers.push(reader.int32());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.requireEncrypt = value;
                            else
                                delete message.requireEncrypt;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.requireAckPush = value;
                            else
                                delete message.requireAckPush;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.clientKeyShare = value;
                            else
                                delete message.clientKeyShare;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.clientNonce = value;
                            else
                                delete message.clientNonce;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if (message.ext === $util.emptyObject)
                                message.ext = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.ext, key);
                            message.ext[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ClientHelloReq;
        })();

        system.ClientHelloResp = (function() {

            const ClientHelloResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ClientHelloResp.prototype.protocolVersion = 0;
            ClientHelloResp.prototype.selectedCompression = 0;
            ClientHelloResp.prototype.selectedCipher = 0;
            ClientHelloResp.prototype.maxFrameBytes = 0;
            ClientHelloResp.prototype.maxInFlightReq = 0;
            ClientHelloResp.prototype.maxBufferedPushCount = 0;
            ClientHelloResp.prototype.maxBufferedPushAgeMillis = 0;
            ClientHelloResp.prototype.serverKeyShare = $util.newBuffer([]);
            ClientHelloResp.prototype.serverNonce = $util.newBuffer([]);
            ClientHelloResp.prototype.serverEpoch = "";
            ClientHelloResp.prototype.serverSignature = $util.newBuffer([]);
            ClientHelloResp.prototype.heartbeatIntervalMillis = 0;
            ClientHelloResp.prototype.compressionMinBytes = 0;

            ClientHelloResp.create = function(properties) {
                return new ClientHelloResp(properties);
            };

            ClientHelloResp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(8).uint32(message.protocolVersion);
                if (message.selectedCompression != null && $Object.hasOwnProperty.call(message, "selectedCompression") && message.selectedCompression !== 0)
                    writer.uint32(16).int32(message.selectedCompression);
                if (message.selectedCipher != null && $Object.hasOwnProperty.call(message, "selectedCipher") && message.selectedCipher !== 0)
                    writer.uint32(24).int32(message.selectedCipher);
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                    writer.uint32(32).uint32(message.maxFrameBytes);
                if (message.maxInFlightReq != null && $Object.hasOwnProperty.call(message, "maxInFlightReq") && message.maxInFlightReq !== 0)
                    writer.uint32(40).uint32(message.maxInFlightReq);
                if (message.maxBufferedPushCount != null && $Object.hasOwnProperty.call(message, "maxBufferedPushCount") && message.maxBufferedPushCount !== 0)
                    writer.uint32(48).uint32(message.maxBufferedPushCount);
                if (message.maxBufferedPushAgeMillis != null && $Object.hasOwnProperty.call(message, "maxBufferedPushAgeMillis") && message.maxBufferedPushAgeMillis !== 0)
                    writer.uint32(56).uint32(message.maxBufferedPushAgeMillis);
                if (message.serverKeyShare != null && $Object.hasOwnProperty.call(message, "serverKeyShare") && message.serverKeyShare.length)
                    writer.uint32(66).bytes(message.serverKeyShare);
                if (message.serverNonce != null && $Object.hasOwnProperty.call(message, "serverNonce") && message.serverNonce.length)
                    writer.uint32(74).bytes(message.serverNonce);
                if (message.serverEpoch != null && $Object.hasOwnProperty.call(message, "serverEpoch") && message.serverEpoch !== "")
                    writer.uint32(82).string(message.serverEpoch);
                if (message.serverSignature != null && $Object.hasOwnProperty.call(message, "serverSignature") && message.serverSignature.length)
                    writer.uint32(90).bytes(message.serverSignature);
                if (message.heartbeatIntervalMillis != null && $Object.hasOwnProperty.call(message, "heartbeatIntervalMillis") && message.heartbeatIntervalMillis !== 0)
                    writer.uint32(96).uint32(message.heartbeatIntervalMillis);
                if (message.compressionMinBytes != null && $Object.hasOwnProperty.call(message, "compressionMinBytes") && message.compressionMinBytes !== 0)
                    writer.uint32(104).uint32(message.compressionMinBytes);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ClientHelloResp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.ClientHelloResp();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.selectedCompression = value;
                            else
                                delete message.selectedCompression;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.selectedCipher = value;
                            else
                                delete message.selectedCipher;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxFrameBytes = value;
                            else
                                delete message.maxFrameBytes;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxInFlightReq = value;
                            else
                                delete message.maxInFlightReq;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxBufferedPushCount = value;
                            else
                                delete message.maxBufferedPushCount;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxBufferedPushAgeMillis = value;
                            else
                                delete message.maxBufferedPushAgeMillis;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.serverKeyShare = value;
                            else
                                delete message.serverKeyShare;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.serverNonce = value;
                            else
                                delete message.serverNonce;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.serverEpoch = value;
                            else
                                delete message.serverEpoch;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.serverSignature = value;
                            else
                                delete message.serverSignature;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.heartbeatIntervalMillis = value;
                            else
                                delete message.heartbeatIntervalMillis;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.compressionMinBytes = value;
                            else
                                delete message.compressionMinBytes;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ClientHelloResp;
        })();

        system.LoginReq = (function() {

            const LoginReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            LoginReq.prototype.token = "";
            LoginReq.prototype.kickExistingSession = null;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(LoginReq.prototype, "_kickExistingSession", {
                get: $util.oneOfGetter($oneOfFields = ["kickExistingSession"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            LoginReq.create = function(properties) {
                return new LoginReq(properties);
            };

            LoginReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(10).string(message.token);
                if (message.kickExistingSession != null && $Object.hasOwnProperty.call(message, "kickExistingSession"))
                    writer.uint32(16).bool(message.kickExistingSession);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            LoginReq.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.LoginReq();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            message.kickExistingSession = reader.bool();
                            message._kickExistingSession = "kickExistingSession";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return LoginReq;
        })();

        system.LoginResp = (function() {

            const LoginResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            LoginResp.prototype.playerId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LoginResp.prototype.sessionEpoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LoginResp.prototype.needSync = false;
            LoginResp.prototype.serverTimeMillis = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LoginResp.prototype.sessionId = "";
            LoginResp.prototype.lastIssuedPushId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            LoginResp.create = function(properties) {
                return new LoginResp(properties);
            };

            LoginResp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId") && (typeof message.playerId === "object" ? message.playerId.low || message.playerId.high : message.playerId !== 0))
                    writer.uint32(8).uint64(message.playerId);
                if (message.sessionEpoch != null && $Object.hasOwnProperty.call(message, "sessionEpoch") && (typeof message.sessionEpoch === "object" ? message.sessionEpoch.low || message.sessionEpoch.high : message.sessionEpoch !== 0))
                    writer.uint32(16).uint64(message.sessionEpoch);
                if (message.needSync != null && $Object.hasOwnProperty.call(message, "needSync") && message.needSync !== false)
                    writer.uint32(24).bool(message.needSync);
                if (message.serverTimeMillis != null && $Object.hasOwnProperty.call(message, "serverTimeMillis") && (typeof message.serverTimeMillis === "object" ? message.serverTimeMillis.low || message.serverTimeMillis.high : message.serverTimeMillis !== 0))
                    writer.uint32(32).uint64(message.serverTimeMillis);
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(42).string(message.sessionId);
                if (message.lastIssuedPushId != null && $Object.hasOwnProperty.call(message, "lastIssuedPushId") && (typeof message.lastIssuedPushId === "object" ? message.lastIssuedPushId.low || message.lastIssuedPushId.high : message.lastIssuedPushId !== 0))
                    writer.uint32(48).uint64(message.lastIssuedPushId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            LoginResp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.LoginResp();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.playerId = value;
                            else
                                delete message.playerId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sessionEpoch = value;
                            else
                                delete message.sessionEpoch;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.needSync = value;
                            else
                                delete message.needSync;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverTimeMillis = value;
                            else
                                delete message.serverTimeMillis;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastIssuedPushId = value;
                            else
                                delete message.lastIssuedPushId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return LoginResp;
        })();

        system.ResumeReq = (function() {

            const ResumeReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ResumeReq.prototype.token = "";
            ResumeReq.prototype.lastAppliedPushId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ResumeReq.prototype.clientStateRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ResumeReq.prototype.serverEpoch = "";
            ResumeReq.prototype.clientInstance = $util.newBuffer([]);

            ResumeReq.create = function(properties) {
                return new ResumeReq(properties);
            };

            ResumeReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(10).string(message.token);
                if (message.lastAppliedPushId != null && $Object.hasOwnProperty.call(message, "lastAppliedPushId") && (typeof message.lastAppliedPushId === "object" ? message.lastAppliedPushId.low || message.lastAppliedPushId.high : message.lastAppliedPushId !== 0))
                    writer.uint32(16).uint64(message.lastAppliedPushId);
                if (message.clientStateRevision != null && $Object.hasOwnProperty.call(message, "clientStateRevision") && (typeof message.clientStateRevision === "object" ? message.clientStateRevision.low || message.clientStateRevision.high : message.clientStateRevision !== 0))
                    writer.uint32(24).uint64(message.clientStateRevision);
                if (message.serverEpoch != null && $Object.hasOwnProperty.call(message, "serverEpoch") && message.serverEpoch !== "")
                    writer.uint32(34).string(message.serverEpoch);
                if (message.clientInstance != null && $Object.hasOwnProperty.call(message, "clientInstance") && message.clientInstance.length)
                    writer.uint32(42).bytes(message.clientInstance);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ResumeReq.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.ResumeReq();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastAppliedPushId = value;
                            else
                                delete message.lastAppliedPushId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.clientStateRevision = value;
                            else
                                delete message.clientStateRevision;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.serverEpoch = value;
                            else
                                delete message.serverEpoch;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.clientInstance = value;
                            else
                                delete message.clientInstance;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ResumeReq;
        })();

        system.ResumeResp = (function() {

            const ResumeResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ResumeResp.prototype.result = 0;
            ResumeResp.prototype.serverStateRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ResumeResp.prototype.minBufferedPushId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ResumeResp.prototype.maxBufferedPushId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ResumeResp.prototype.playerId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ResumeResp.prototype.sessionEpoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ResumeResp.prototype.serverEpoch = "";
            ResumeResp.prototype.serverTimeMillis = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ResumeResp.prototype.sessionId = "";
            ResumeResp.prototype.replayCount = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            ResumeResp.create = function(properties) {
                return new ResumeResp(properties);
            };

            ResumeResp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.result != null && $Object.hasOwnProperty.call(message, "result") && message.result !== 0)
                    writer.uint32(8).int32(message.result);
                if (message.serverStateRevision != null && $Object.hasOwnProperty.call(message, "serverStateRevision") && (typeof message.serverStateRevision === "object" ? message.serverStateRevision.low || message.serverStateRevision.high : message.serverStateRevision !== 0))
                    writer.uint32(16).uint64(message.serverStateRevision);
                if (message.minBufferedPushId != null && $Object.hasOwnProperty.call(message, "minBufferedPushId") && (typeof message.minBufferedPushId === "object" ? message.minBufferedPushId.low || message.minBufferedPushId.high : message.minBufferedPushId !== 0))
                    writer.uint32(24).uint64(message.minBufferedPushId);
                if (message.maxBufferedPushId != null && $Object.hasOwnProperty.call(message, "maxBufferedPushId") && (typeof message.maxBufferedPushId === "object" ? message.maxBufferedPushId.low || message.maxBufferedPushId.high : message.maxBufferedPushId !== 0))
                    writer.uint32(32).uint64(message.maxBufferedPushId);
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId") && (typeof message.playerId === "object" ? message.playerId.low || message.playerId.high : message.playerId !== 0))
                    writer.uint32(40).uint64(message.playerId);
                if (message.sessionEpoch != null && $Object.hasOwnProperty.call(message, "sessionEpoch") && (typeof message.sessionEpoch === "object" ? message.sessionEpoch.low || message.sessionEpoch.high : message.sessionEpoch !== 0))
                    writer.uint32(48).uint64(message.sessionEpoch);
                if (message.serverEpoch != null && $Object.hasOwnProperty.call(message, "serverEpoch") && message.serverEpoch !== "")
                    writer.uint32(58).string(message.serverEpoch);
                if (message.serverTimeMillis != null && $Object.hasOwnProperty.call(message, "serverTimeMillis") && (typeof message.serverTimeMillis === "object" ? message.serverTimeMillis.low || message.serverTimeMillis.high : message.serverTimeMillis !== 0))
                    writer.uint32(64).uint64(message.serverTimeMillis);
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(74).string(message.sessionId);
                if (message.replayCount != null && $Object.hasOwnProperty.call(message, "replayCount") && (typeof message.replayCount === "object" ? message.replayCount.low || message.replayCount.high : message.replayCount !== 0))
                    writer.uint32(80).uint64(message.replayCount);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ResumeResp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.ResumeResp();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.result = value;
                            else
                                delete message.result;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverStateRevision = value;
                            else
                                delete message.serverStateRevision;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.minBufferedPushId = value;
                            else
                                delete message.minBufferedPushId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.maxBufferedPushId = value;
                            else
                                delete message.maxBufferedPushId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.playerId = value;
                            else
                                delete message.playerId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sessionEpoch = value;
                            else
                                delete message.sessionEpoch;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.serverEpoch = value;
                            else
                                delete message.serverEpoch;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverTimeMillis = value;
                            else
                                delete message.serverTimeMillis;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.replayCount = value;
                            else
                                delete message.replayCount;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ResumeResp.Result = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "RESUME_OK"] = 0;
                values[valuesById[1] = "RESUME_NEED_FULL_SYNC"] = 1;
                values[valuesById[2] = "RESUME_INVALID"] = 2;
                return values;
            })();

            return ResumeResp;
        })();

        system.SyncReq = (function() {

            const SyncReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SyncReq.prototype.clientStateRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            SyncReq.create = function(properties) {
                return new SyncReq(properties);
            };

            SyncReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.clientStateRevision != null && $Object.hasOwnProperty.call(message, "clientStateRevision") && (typeof message.clientStateRevision === "object" ? message.clientStateRevision.low || message.clientStateRevision.high : message.clientStateRevision !== 0))
                    writer.uint32(8).uint64(message.clientStateRevision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SyncReq.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.SyncReq();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.clientStateRevision = value;
                            else
                                delete message.clientStateRevision;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return SyncReq;
        })();

        system.SyncResp = (function() {

            const SyncResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SyncResp.prototype.snapshotPushId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            SyncResp.create = function(properties) {
                return new SyncResp(properties);
            };

            SyncResp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.snapshotPushId != null && $Object.hasOwnProperty.call(message, "snapshotPushId") && (typeof message.snapshotPushId === "object" ? message.snapshotPushId.low || message.snapshotPushId.high : message.snapshotPushId !== 0))
                    writer.uint32(8).uint64(message.snapshotPushId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SyncResp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.SyncResp();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.snapshotPushId = value;
                            else
                                delete message.snapshotPushId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return SyncResp;
        })();

        system.SyncSnapshotPush = (function() {

            const SyncSnapshotPush = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SyncSnapshotPush.prototype.serverStateRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            SyncSnapshotPush.prototype.snapshot = $util.newBuffer([]);

            SyncSnapshotPush.create = function(properties) {
                return new SyncSnapshotPush(properties);
            };

            SyncSnapshotPush.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.serverStateRevision != null && $Object.hasOwnProperty.call(message, "serverStateRevision") && (typeof message.serverStateRevision === "object" ? message.serverStateRevision.low || message.serverStateRevision.high : message.serverStateRevision !== 0))
                    writer.uint32(8).uint64(message.serverStateRevision);
                if (message.snapshot != null && $Object.hasOwnProperty.call(message, "snapshot") && message.snapshot.length)
                    writer.uint32(18).bytes(message.snapshot);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SyncSnapshotPush.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.SyncSnapshotPush();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverStateRevision = value;
                            else
                                delete message.serverStateRevision;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.snapshot = value;
                            else
                                delete message.snapshot;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return SyncSnapshotPush;
        })();

        system.DisconnectPush = (function() {

            const DisconnectPush = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DisconnectPush.prototype.code = 0;
            DisconnectPush.prototype.reason = "";
            DisconnectPush.prototype.reconnect = false;

            DisconnectPush.create = function(properties) {
                return new DisconnectPush(properties);
            };

            DisconnectPush.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(8).int32(message.code);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(18).string(message.reason);
                if (message.reconnect != null && $Object.hasOwnProperty.call(message, "reconnect") && message.reconnect !== false)
                    writer.uint32(24).bool(message.reconnect);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DisconnectPush.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.DisconnectPush();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.reconnect = value;
                            else
                                delete message.reconnect;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return DisconnectPush;
        })();

        system.LogoutReq = (function() {

            const LogoutReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            LogoutReq.create = function(properties) {
                return new LogoutReq(properties);
            };

            LogoutReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            LogoutReq.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.LogoutReq();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return LogoutReq;
        })();

        system.LogoutResp = (function() {

            const LogoutResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            LogoutResp.create = function(properties) {
                return new LogoutResp(properties);
            };

            LogoutResp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            LogoutResp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.LogoutResp();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return LogoutResp;
        })();

        system.Error = (function() {

            const Error = function (properties) {
                this.detail = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Error.prototype.code = 0;
            Error.prototype.message = "";
            Error.prototype.retryable = false;
            Error.prototype.detail = $util.emptyObject;

            Error.create = function(properties) {
                return new Error(properties);
            };

            Error.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(8).int32(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(18).string(message.message);
                if (message.retryable != null && $Object.hasOwnProperty.call(message, "retryable") && message.retryable !== false)
                    writer.uint32(24).bool(message.retryable);
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                    for (let keys = $Object.keys(message.detail), i = 0; i < keys.length; ++i)
                        writer.uint32(34).fork().uint32(10).string(keys[i]).uint32(18).string(message.detail[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Error.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tether.system.Error();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.retryable = value;
                            else
                                delete message.retryable;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (message.detail === $util.emptyObject)
                                message.detail = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.detail, key);
                            message.detail[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Error;
        })();

        return system;
    })();

    return tether;
})();

export {
  $root as default
};
