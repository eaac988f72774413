// @generated from proto/tether/system.proto by packages/protocol/scripts/generate.mjs. Do not edit.
/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "../protobuf-runtime.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $Array = $util.global.Array, $Boolean = $util.global.Boolean, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt;

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

            ClientHelloReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.ClientHelloReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.ClientHelloReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.ClientHelloReq();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.clientVersion != null)
                    if (typeof object.clientVersion !== "string" || object.clientVersion.length)
                        message.clientVersion = $String(object.clientVersion);
                if (object.maxFrameBytes != null)
                    if ($Number(object.maxFrameBytes) !== 0)
                        message.maxFrameBytes = object.maxFrameBytes >>> 0;
                if (object.supportedCompressions) {
                    if (!$Array.isArray(object.supportedCompressions))
                        throw $TypeError(".tether.system.ClientHelloReq.supportedCompressions: array expected");
                    message.supportedCompressions = [];
                    for (let i = 0; i < object.supportedCompressions.length; ++i)
                        switch (object.supportedCompressions[i]) {
                        case "COMPRESSION_NONE":
                        case 0:
                            message.supportedCompressions[message.supportedCompressions.length] = 0;
                            break;
                        case "COMPRESSION_ZSTD":
                        case 1:
                            message.supportedCompressions[message.supportedCompressions.length] = 1;
                            break;
                        case "COMPRESSION_LZ4":
                        case 2:
                            message.supportedCompressions[message.supportedCompressions.length] = 2;
                            break;
                        case "COMPRESSION_GZIP":
                        case 3:
                            message.supportedCompressions[message.supportedCompressions.length] = 3;
                            break;
                        default:
                            if (typeof object.supportedCompressions[i] === "number" && (object.supportedCompressions[i] | 0) === object.supportedCompressions[i])
                                message.supportedCompressions[message.supportedCompressions.length] = object.supportedCompressions[i];
                        }
                }
                if (object.supportedCiphers) {
                    if (!$Array.isArray(object.supportedCiphers))
                        throw $TypeError(".tether.system.ClientHelloReq.supportedCiphers: array expected");
                    message.supportedCiphers = [];
                    for (let i = 0; i < object.supportedCiphers.length; ++i)
                        switch (object.supportedCiphers[i]) {
                        case "CIPHER_NONE":
                        case 0:
                            message.supportedCiphers[message.supportedCiphers.length] = 0;
                            break;
                        case "CIPHER_TLS":
                        case 1:
                            message.supportedCiphers[message.supportedCiphers.length] = 1;
                            break;
                        case "CIPHER_CHACHA20_POLY1305":
                        case 2:
                            message.supportedCiphers[message.supportedCiphers.length] = 2;
                            break;
                        case "CIPHER_AES_256_GCM":
                        case 3:
                            message.supportedCiphers[message.supportedCiphers.length] = 3;
                            break;
                        default:
                            if (typeof object.supportedCiphers[i] === "number" && (object.supportedCiphers[i] | 0) === object.supportedCiphers[i])
                                message.supportedCiphers[message.supportedCiphers.length] = object.supportedCiphers[i];
                        }
                }
                if (object.requireEncrypt != null)
                    if (object.requireEncrypt)
                        message.requireEncrypt = $Boolean(object.requireEncrypt);
                if (object.requireAckPush != null)
                    if (object.requireAckPush)
                        message.requireAckPush = $Boolean(object.requireAckPush);
                if (object.clientKeyShare != null)
                    if (object.clientKeyShare.length)
                        if (typeof object.clientKeyShare === "string")
                            $util.base64.decode(object.clientKeyShare, message.clientKeyShare = $util.newBuffer($util.base64.length(object.clientKeyShare)), 0);
                        else if (object.clientKeyShare.length >= 0)
                            message.clientKeyShare = object.clientKeyShare;
                if (object.clientNonce != null)
                    if (object.clientNonce.length)
                        if (typeof object.clientNonce === "string")
                            $util.base64.decode(object.clientNonce, message.clientNonce = $util.newBuffer($util.base64.length(object.clientNonce)), 0);
                        else if (object.clientNonce.length >= 0)
                            message.clientNonce = object.clientNonce;
                if (object.ext) {
                    if (!$util.isObject(object.ext))
                        throw $TypeError(".tether.system.ClientHelloReq.ext: object expected");
                    message.ext = {};
                    for (let keys = $Object.keys(object.ext), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.ext, keys[i]);
                        message.ext[keys[i]] = $String(object.ext[keys[i]]);
                    }
                }
                return message;
            };

            ClientHelloReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.supportedCompressions = [];
                    object.supportedCiphers = [];
                }
                if (options.objects || options.defaults)
                    object.ext = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.clientVersion = "";
                    object.maxFrameBytes = 0;
                    object.requireEncrypt = false;
                    object.requireAckPush = false;
                    if (options.bytes === $String)
                        object.clientKeyShare = "";
                    else {
                        object.clientKeyShare = [];
                        if (options.bytes !== $Array)
                            object.clientKeyShare = $util.newBuffer(object.clientKeyShare);
                    }
                    if (options.bytes === $String)
                        object.clientNonce = "";
                    else {
                        object.clientNonce = [];
                        if (options.bytes !== $Array)
                            object.clientNonce = $util.newBuffer(object.clientNonce);
                    }
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.clientVersion != null && $Object.hasOwnProperty.call(message, "clientVersion"))
                    object.clientVersion = message.clientVersion;
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes"))
                    object.maxFrameBytes = message.maxFrameBytes;
                if (message.supportedCompressions && message.supportedCompressions.length) {
                    object.supportedCompressions = $Array(message.supportedCompressions.length);
                    for (let j = 0; j < message.supportedCompressions.length; ++j)
                        object.supportedCompressions[j] = options.enums === $String ? $root.tether.system.CompressionAlgorithm[message.supportedCompressions[j]] === $undefined ? message.supportedCompressions[j] : $root.tether.system.CompressionAlgorithm[message.supportedCompressions[j]] : message.supportedCompressions[j];
                }
                if (message.supportedCiphers && message.supportedCiphers.length) {
                    object.supportedCiphers = $Array(message.supportedCiphers.length);
                    for (let j = 0; j < message.supportedCiphers.length; ++j)
                        object.supportedCiphers[j] = options.enums === $String ? $root.tether.system.CipherAlgorithm[message.supportedCiphers[j]] === $undefined ? message.supportedCiphers[j] : $root.tether.system.CipherAlgorithm[message.supportedCiphers[j]] : message.supportedCiphers[j];
                }
                if (message.requireEncrypt != null && $Object.hasOwnProperty.call(message, "requireEncrypt"))
                    object.requireEncrypt = message.requireEncrypt;
                if (message.requireAckPush != null && $Object.hasOwnProperty.call(message, "requireAckPush"))
                    object.requireAckPush = message.requireAckPush;
                if (message.clientKeyShare != null && $Object.hasOwnProperty.call(message, "clientKeyShare"))
                    object.clientKeyShare = options.bytes === $String ? $util.base64.encode(message.clientKeyShare, 0, message.clientKeyShare.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.clientKeyShare) : message.clientKeyShare;
                if (message.clientNonce != null && $Object.hasOwnProperty.call(message, "clientNonce"))
                    object.clientNonce = options.bytes === $String ? $util.base64.encode(message.clientNonce, 0, message.clientNonce.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.clientNonce) : message.clientNonce;
                let keys2;
                if (message.ext && (keys2 = $Object.keys(message.ext)).length) {
                    object.ext = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.ext, keys2[j]);
                        object.ext[keys2[j]] = message.ext[keys2[j]];
                    }
                }
                return object;
            };

            ClientHelloReq.prototype.toJSON = function() {
                return ClientHelloReq.toObject(this, $protobuf.util.toJSONOptions);
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

            ClientHelloResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.ClientHelloResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.ClientHelloResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.ClientHelloResp();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.selectedCompression !== 0 && (typeof object.selectedCompression !== "string" || $root.tether.system.CompressionAlgorithm[object.selectedCompression] !== 0))
                    switch (object.selectedCompression) {
                    case "COMPRESSION_NONE":
                    case 0:
                        message.selectedCompression = 0;
                        break;
                    case "COMPRESSION_ZSTD":
                    case 1:
                        message.selectedCompression = 1;
                        break;
                    case "COMPRESSION_LZ4":
                    case 2:
                        message.selectedCompression = 2;
                        break;
                    case "COMPRESSION_GZIP":
                    case 3:
                        message.selectedCompression = 3;
                        break;
                    default:
                        if (typeof object.selectedCompression === "number" && (object.selectedCompression | 0) === object.selectedCompression)
                            message.selectedCompression = object.selectedCompression;
                    }
                if (object.selectedCipher !== 0 && (typeof object.selectedCipher !== "string" || $root.tether.system.CipherAlgorithm[object.selectedCipher] !== 0))
                    switch (object.selectedCipher) {
                    case "CIPHER_NONE":
                    case 0:
                        message.selectedCipher = 0;
                        break;
                    case "CIPHER_TLS":
                    case 1:
                        message.selectedCipher = 1;
                        break;
                    case "CIPHER_CHACHA20_POLY1305":
                    case 2:
                        message.selectedCipher = 2;
                        break;
                    case "CIPHER_AES_256_GCM":
                    case 3:
                        message.selectedCipher = 3;
                        break;
                    default:
                        if (typeof object.selectedCipher === "number" && (object.selectedCipher | 0) === object.selectedCipher)
                            message.selectedCipher = object.selectedCipher;
                    }
                if (object.maxFrameBytes != null)
                    if ($Number(object.maxFrameBytes) !== 0)
                        message.maxFrameBytes = object.maxFrameBytes >>> 0;
                if (object.maxInFlightReq != null)
                    if ($Number(object.maxInFlightReq) !== 0)
                        message.maxInFlightReq = object.maxInFlightReq >>> 0;
                if (object.maxBufferedPushCount != null)
                    if ($Number(object.maxBufferedPushCount) !== 0)
                        message.maxBufferedPushCount = object.maxBufferedPushCount >>> 0;
                if (object.maxBufferedPushAgeMillis != null)
                    if ($Number(object.maxBufferedPushAgeMillis) !== 0)
                        message.maxBufferedPushAgeMillis = object.maxBufferedPushAgeMillis >>> 0;
                if (object.serverKeyShare != null)
                    if (object.serverKeyShare.length)
                        if (typeof object.serverKeyShare === "string")
                            $util.base64.decode(object.serverKeyShare, message.serverKeyShare = $util.newBuffer($util.base64.length(object.serverKeyShare)), 0);
                        else if (object.serverKeyShare.length >= 0)
                            message.serverKeyShare = object.serverKeyShare;
                if (object.serverNonce != null)
                    if (object.serverNonce.length)
                        if (typeof object.serverNonce === "string")
                            $util.base64.decode(object.serverNonce, message.serverNonce = $util.newBuffer($util.base64.length(object.serverNonce)), 0);
                        else if (object.serverNonce.length >= 0)
                            message.serverNonce = object.serverNonce;
                if (object.serverEpoch != null)
                    if (typeof object.serverEpoch !== "string" || object.serverEpoch.length)
                        message.serverEpoch = $String(object.serverEpoch);
                if (object.serverSignature != null)
                    if (object.serverSignature.length)
                        if (typeof object.serverSignature === "string")
                            $util.base64.decode(object.serverSignature, message.serverSignature = $util.newBuffer($util.base64.length(object.serverSignature)), 0);
                        else if (object.serverSignature.length >= 0)
                            message.serverSignature = object.serverSignature;
                if (object.heartbeatIntervalMillis != null)
                    if ($Number(object.heartbeatIntervalMillis) !== 0)
                        message.heartbeatIntervalMillis = object.heartbeatIntervalMillis >>> 0;
                if (object.compressionMinBytes != null)
                    if ($Number(object.compressionMinBytes) !== 0)
                        message.compressionMinBytes = object.compressionMinBytes >>> 0;
                return message;
            };

            ClientHelloResp.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.selectedCompression = options.enums === $String ? "COMPRESSION_NONE" : 0;
                    object.selectedCipher = options.enums === $String ? "CIPHER_NONE" : 0;
                    object.maxFrameBytes = 0;
                    object.maxInFlightReq = 0;
                    object.maxBufferedPushCount = 0;
                    object.maxBufferedPushAgeMillis = 0;
                    if (options.bytes === $String)
                        object.serverKeyShare = "";
                    else {
                        object.serverKeyShare = [];
                        if (options.bytes !== $Array)
                            object.serverKeyShare = $util.newBuffer(object.serverKeyShare);
                    }
                    if (options.bytes === $String)
                        object.serverNonce = "";
                    else {
                        object.serverNonce = [];
                        if (options.bytes !== $Array)
                            object.serverNonce = $util.newBuffer(object.serverNonce);
                    }
                    object.serverEpoch = "";
                    if (options.bytes === $String)
                        object.serverSignature = "";
                    else {
                        object.serverSignature = [];
                        if (options.bytes !== $Array)
                            object.serverSignature = $util.newBuffer(object.serverSignature);
                    }
                    object.heartbeatIntervalMillis = 0;
                    object.compressionMinBytes = 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.selectedCompression != null && $Object.hasOwnProperty.call(message, "selectedCompression"))
                    object.selectedCompression = options.enums === $String ? $root.tether.system.CompressionAlgorithm[message.selectedCompression] === $undefined ? message.selectedCompression : $root.tether.system.CompressionAlgorithm[message.selectedCompression] : message.selectedCompression;
                if (message.selectedCipher != null && $Object.hasOwnProperty.call(message, "selectedCipher"))
                    object.selectedCipher = options.enums === $String ? $root.tether.system.CipherAlgorithm[message.selectedCipher] === $undefined ? message.selectedCipher : $root.tether.system.CipherAlgorithm[message.selectedCipher] : message.selectedCipher;
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes"))
                    object.maxFrameBytes = message.maxFrameBytes;
                if (message.maxInFlightReq != null && $Object.hasOwnProperty.call(message, "maxInFlightReq"))
                    object.maxInFlightReq = message.maxInFlightReq;
                if (message.maxBufferedPushCount != null && $Object.hasOwnProperty.call(message, "maxBufferedPushCount"))
                    object.maxBufferedPushCount = message.maxBufferedPushCount;
                if (message.maxBufferedPushAgeMillis != null && $Object.hasOwnProperty.call(message, "maxBufferedPushAgeMillis"))
                    object.maxBufferedPushAgeMillis = message.maxBufferedPushAgeMillis;
                if (message.serverKeyShare != null && $Object.hasOwnProperty.call(message, "serverKeyShare"))
                    object.serverKeyShare = options.bytes === $String ? $util.base64.encode(message.serverKeyShare, 0, message.serverKeyShare.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.serverKeyShare) : message.serverKeyShare;
                if (message.serverNonce != null && $Object.hasOwnProperty.call(message, "serverNonce"))
                    object.serverNonce = options.bytes === $String ? $util.base64.encode(message.serverNonce, 0, message.serverNonce.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.serverNonce) : message.serverNonce;
                if (message.serverEpoch != null && $Object.hasOwnProperty.call(message, "serverEpoch"))
                    object.serverEpoch = message.serverEpoch;
                if (message.serverSignature != null && $Object.hasOwnProperty.call(message, "serverSignature"))
                    object.serverSignature = options.bytes === $String ? $util.base64.encode(message.serverSignature, 0, message.serverSignature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.serverSignature) : message.serverSignature;
                if (message.heartbeatIntervalMillis != null && $Object.hasOwnProperty.call(message, "heartbeatIntervalMillis"))
                    object.heartbeatIntervalMillis = message.heartbeatIntervalMillis;
                if (message.compressionMinBytes != null && $Object.hasOwnProperty.call(message, "compressionMinBytes"))
                    object.compressionMinBytes = message.compressionMinBytes;
                return object;
            };

            ClientHelloResp.prototype.toJSON = function() {
                return ClientHelloResp.toObject(this, $protobuf.util.toJSONOptions);
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

            LoginReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.LoginReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.LoginReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.LoginReq();
                if (object.token != null)
                    if (typeof object.token !== "string" || object.token.length)
                        message.token = $String(object.token);
                if (object.kickExistingSession != null)
                    message.kickExistingSession = $Boolean(object.kickExistingSession);
                return message;
            };

            LoginReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.token = "";
                if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                    object.token = message.token;
                if (message.kickExistingSession != null && $Object.hasOwnProperty.call(message, "kickExistingSession"))
                    object.kickExistingSession = message.kickExistingSession;
                return object;
            };

            LoginReq.prototype.toJSON = function() {
                return LoginReq.toObject(this, $protobuf.util.toJSONOptions);
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

            LoginResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.LoginResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.LoginResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.LoginResp();
                if (object.playerId != null)
                    if (typeof object.playerId === "object" ? object.playerId.low || object.playerId.high : $Number(object.playerId) !== 0)
                        if ($util.Long)
                            message.playerId = $util.Long.fromValue(object.playerId, true);
                        else if (typeof object.playerId === "string")
                            message.playerId = $parseInt(object.playerId, 10);
                        else if (typeof object.playerId === "number")
                            message.playerId = object.playerId;
                        else if (typeof object.playerId === "object")
                            message.playerId = new $util.LongBits(object.playerId.low >>> 0, object.playerId.high >>> 0).toNumber(true);
                if (object.sessionEpoch != null)
                    if (typeof object.sessionEpoch === "object" ? object.sessionEpoch.low || object.sessionEpoch.high : $Number(object.sessionEpoch) !== 0)
                        if ($util.Long)
                            message.sessionEpoch = $util.Long.fromValue(object.sessionEpoch, true);
                        else if (typeof object.sessionEpoch === "string")
                            message.sessionEpoch = $parseInt(object.sessionEpoch, 10);
                        else if (typeof object.sessionEpoch === "number")
                            message.sessionEpoch = object.sessionEpoch;
                        else if (typeof object.sessionEpoch === "object")
                            message.sessionEpoch = new $util.LongBits(object.sessionEpoch.low >>> 0, object.sessionEpoch.high >>> 0).toNumber(true);
                if (object.needSync != null)
                    if (object.needSync)
                        message.needSync = $Boolean(object.needSync);
                if (object.serverTimeMillis != null)
                    if (typeof object.serverTimeMillis === "object" ? object.serverTimeMillis.low || object.serverTimeMillis.high : $Number(object.serverTimeMillis) !== 0)
                        if ($util.Long)
                            message.serverTimeMillis = $util.Long.fromValue(object.serverTimeMillis, true);
                        else if (typeof object.serverTimeMillis === "string")
                            message.serverTimeMillis = $parseInt(object.serverTimeMillis, 10);
                        else if (typeof object.serverTimeMillis === "number")
                            message.serverTimeMillis = object.serverTimeMillis;
                        else if (typeof object.serverTimeMillis === "object")
                            message.serverTimeMillis = new $util.LongBits(object.serverTimeMillis.low >>> 0, object.serverTimeMillis.high >>> 0).toNumber(true);
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                if (object.lastIssuedPushId != null)
                    if (typeof object.lastIssuedPushId === "object" ? object.lastIssuedPushId.low || object.lastIssuedPushId.high : $Number(object.lastIssuedPushId) !== 0)
                        if ($util.Long)
                            message.lastIssuedPushId = $util.Long.fromValue(object.lastIssuedPushId, true);
                        else if (typeof object.lastIssuedPushId === "string")
                            message.lastIssuedPushId = $parseInt(object.lastIssuedPushId, 10);
                        else if (typeof object.lastIssuedPushId === "number")
                            message.lastIssuedPushId = object.lastIssuedPushId;
                        else if (typeof object.lastIssuedPushId === "object")
                            message.lastIssuedPushId = new $util.LongBits(object.lastIssuedPushId.low >>> 0, object.lastIssuedPushId.high >>> 0).toNumber(true);
                return message;
            };

            LoginResp.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.playerId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.playerId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sessionEpoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sessionEpoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.needSync = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.serverTimeMillis = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.serverTimeMillis = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.sessionId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.lastIssuedPushId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.lastIssuedPushId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.playerId = typeof message.playerId === "number" ? $BigInt(message.playerId) : $util.Long.fromBits(message.playerId.low >>> 0, message.playerId.high >>> 0, true).toBigInt();
                    else if (typeof message.playerId === "number")
                        object.playerId = options.longs === $String ? $String(message.playerId) : message.playerId;
                    else
                        object.playerId = options.longs === $String ? $util.Long.prototype.toString.call(message.playerId) : options.longs === $Number ? new $util.LongBits(message.playerId.low >>> 0, message.playerId.high >>> 0).toNumber(true) : message.playerId;
                if (message.sessionEpoch != null && $Object.hasOwnProperty.call(message, "sessionEpoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sessionEpoch = typeof message.sessionEpoch === "number" ? $BigInt(message.sessionEpoch) : $util.Long.fromBits(message.sessionEpoch.low >>> 0, message.sessionEpoch.high >>> 0, true).toBigInt();
                    else if (typeof message.sessionEpoch === "number")
                        object.sessionEpoch = options.longs === $String ? $String(message.sessionEpoch) : message.sessionEpoch;
                    else
                        object.sessionEpoch = options.longs === $String ? $util.Long.prototype.toString.call(message.sessionEpoch) : options.longs === $Number ? new $util.LongBits(message.sessionEpoch.low >>> 0, message.sessionEpoch.high >>> 0).toNumber(true) : message.sessionEpoch;
                if (message.needSync != null && $Object.hasOwnProperty.call(message, "needSync"))
                    object.needSync = message.needSync;
                if (message.serverTimeMillis != null && $Object.hasOwnProperty.call(message, "serverTimeMillis"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.serverTimeMillis = typeof message.serverTimeMillis === "number" ? $BigInt(message.serverTimeMillis) : $util.Long.fromBits(message.serverTimeMillis.low >>> 0, message.serverTimeMillis.high >>> 0, true).toBigInt();
                    else if (typeof message.serverTimeMillis === "number")
                        object.serverTimeMillis = options.longs === $String ? $String(message.serverTimeMillis) : message.serverTimeMillis;
                    else
                        object.serverTimeMillis = options.longs === $String ? $util.Long.prototype.toString.call(message.serverTimeMillis) : options.longs === $Number ? new $util.LongBits(message.serverTimeMillis.low >>> 0, message.serverTimeMillis.high >>> 0).toNumber(true) : message.serverTimeMillis;
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.lastIssuedPushId != null && $Object.hasOwnProperty.call(message, "lastIssuedPushId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lastIssuedPushId = typeof message.lastIssuedPushId === "number" ? $BigInt(message.lastIssuedPushId) : $util.Long.fromBits(message.lastIssuedPushId.low >>> 0, message.lastIssuedPushId.high >>> 0, true).toBigInt();
                    else if (typeof message.lastIssuedPushId === "number")
                        object.lastIssuedPushId = options.longs === $String ? $String(message.lastIssuedPushId) : message.lastIssuedPushId;
                    else
                        object.lastIssuedPushId = options.longs === $String ? $util.Long.prototype.toString.call(message.lastIssuedPushId) : options.longs === $Number ? new $util.LongBits(message.lastIssuedPushId.low >>> 0, message.lastIssuedPushId.high >>> 0).toNumber(true) : message.lastIssuedPushId;
                return object;
            };

            LoginResp.prototype.toJSON = function() {
                return LoginResp.toObject(this, $protobuf.util.toJSONOptions);
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

            ResumeReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.ResumeReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.ResumeReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.ResumeReq();
                if (object.token != null)
                    if (typeof object.token !== "string" || object.token.length)
                        message.token = $String(object.token);
                if (object.lastAppliedPushId != null)
                    if (typeof object.lastAppliedPushId === "object" ? object.lastAppliedPushId.low || object.lastAppliedPushId.high : $Number(object.lastAppliedPushId) !== 0)
                        if ($util.Long)
                            message.lastAppliedPushId = $util.Long.fromValue(object.lastAppliedPushId, true);
                        else if (typeof object.lastAppliedPushId === "string")
                            message.lastAppliedPushId = $parseInt(object.lastAppliedPushId, 10);
                        else if (typeof object.lastAppliedPushId === "number")
                            message.lastAppliedPushId = object.lastAppliedPushId;
                        else if (typeof object.lastAppliedPushId === "object")
                            message.lastAppliedPushId = new $util.LongBits(object.lastAppliedPushId.low >>> 0, object.lastAppliedPushId.high >>> 0).toNumber(true);
                if (object.clientStateRevision != null)
                    if (typeof object.clientStateRevision === "object" ? object.clientStateRevision.low || object.clientStateRevision.high : $Number(object.clientStateRevision) !== 0)
                        if ($util.Long)
                            message.clientStateRevision = $util.Long.fromValue(object.clientStateRevision, true);
                        else if (typeof object.clientStateRevision === "string")
                            message.clientStateRevision = $parseInt(object.clientStateRevision, 10);
                        else if (typeof object.clientStateRevision === "number")
                            message.clientStateRevision = object.clientStateRevision;
                        else if (typeof object.clientStateRevision === "object")
                            message.clientStateRevision = new $util.LongBits(object.clientStateRevision.low >>> 0, object.clientStateRevision.high >>> 0).toNumber(true);
                if (object.serverEpoch != null)
                    if (typeof object.serverEpoch !== "string" || object.serverEpoch.length)
                        message.serverEpoch = $String(object.serverEpoch);
                if (object.clientInstance != null)
                    if (object.clientInstance.length)
                        if (typeof object.clientInstance === "string")
                            $util.base64.decode(object.clientInstance, message.clientInstance = $util.newBuffer($util.base64.length(object.clientInstance)), 0);
                        else if (object.clientInstance.length >= 0)
                            message.clientInstance = object.clientInstance;
                return message;
            };

            ResumeReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.token = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.lastAppliedPushId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.lastAppliedPushId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.clientStateRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.clientStateRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.serverEpoch = "";
                    if (options.bytes === $String)
                        object.clientInstance = "";
                    else {
                        object.clientInstance = [];
                        if (options.bytes !== $Array)
                            object.clientInstance = $util.newBuffer(object.clientInstance);
                    }
                }
                if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                    object.token = message.token;
                if (message.lastAppliedPushId != null && $Object.hasOwnProperty.call(message, "lastAppliedPushId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lastAppliedPushId = typeof message.lastAppliedPushId === "number" ? $BigInt(message.lastAppliedPushId) : $util.Long.fromBits(message.lastAppliedPushId.low >>> 0, message.lastAppliedPushId.high >>> 0, true).toBigInt();
                    else if (typeof message.lastAppliedPushId === "number")
                        object.lastAppliedPushId = options.longs === $String ? $String(message.lastAppliedPushId) : message.lastAppliedPushId;
                    else
                        object.lastAppliedPushId = options.longs === $String ? $util.Long.prototype.toString.call(message.lastAppliedPushId) : options.longs === $Number ? new $util.LongBits(message.lastAppliedPushId.low >>> 0, message.lastAppliedPushId.high >>> 0).toNumber(true) : message.lastAppliedPushId;
                if (message.clientStateRevision != null && $Object.hasOwnProperty.call(message, "clientStateRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.clientStateRevision = typeof message.clientStateRevision === "number" ? $BigInt(message.clientStateRevision) : $util.Long.fromBits(message.clientStateRevision.low >>> 0, message.clientStateRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.clientStateRevision === "number")
                        object.clientStateRevision = options.longs === $String ? $String(message.clientStateRevision) : message.clientStateRevision;
                    else
                        object.clientStateRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.clientStateRevision) : options.longs === $Number ? new $util.LongBits(message.clientStateRevision.low >>> 0, message.clientStateRevision.high >>> 0).toNumber(true) : message.clientStateRevision;
                if (message.serverEpoch != null && $Object.hasOwnProperty.call(message, "serverEpoch"))
                    object.serverEpoch = message.serverEpoch;
                if (message.clientInstance != null && $Object.hasOwnProperty.call(message, "clientInstance"))
                    object.clientInstance = options.bytes === $String ? $util.base64.encode(message.clientInstance, 0, message.clientInstance.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.clientInstance) : message.clientInstance;
                return object;
            };

            ResumeReq.prototype.toJSON = function() {
                return ResumeReq.toObject(this, $protobuf.util.toJSONOptions);
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

            ResumeResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.ResumeResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.ResumeResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.ResumeResp();
                if (object.result !== 0 && (typeof object.result !== "string" || $root.tether.system.ResumeResp.Result[object.result] !== 0))
                    switch (object.result) {
                    case "RESUME_OK":
                    case 0:
                        message.result = 0;
                        break;
                    case "RESUME_NEED_FULL_SYNC":
                    case 1:
                        message.result = 1;
                        break;
                    case "RESUME_INVALID":
                    case 2:
                        message.result = 2;
                        break;
                    default:
                        if (typeof object.result === "number" && (object.result | 0) === object.result)
                            message.result = object.result;
                    }
                if (object.serverStateRevision != null)
                    if (typeof object.serverStateRevision === "object" ? object.serverStateRevision.low || object.serverStateRevision.high : $Number(object.serverStateRevision) !== 0)
                        if ($util.Long)
                            message.serverStateRevision = $util.Long.fromValue(object.serverStateRevision, true);
                        else if (typeof object.serverStateRevision === "string")
                            message.serverStateRevision = $parseInt(object.serverStateRevision, 10);
                        else if (typeof object.serverStateRevision === "number")
                            message.serverStateRevision = object.serverStateRevision;
                        else if (typeof object.serverStateRevision === "object")
                            message.serverStateRevision = new $util.LongBits(object.serverStateRevision.low >>> 0, object.serverStateRevision.high >>> 0).toNumber(true);
                if (object.minBufferedPushId != null)
                    if (typeof object.minBufferedPushId === "object" ? object.minBufferedPushId.low || object.minBufferedPushId.high : $Number(object.minBufferedPushId) !== 0)
                        if ($util.Long)
                            message.minBufferedPushId = $util.Long.fromValue(object.minBufferedPushId, true);
                        else if (typeof object.minBufferedPushId === "string")
                            message.minBufferedPushId = $parseInt(object.minBufferedPushId, 10);
                        else if (typeof object.minBufferedPushId === "number")
                            message.minBufferedPushId = object.minBufferedPushId;
                        else if (typeof object.minBufferedPushId === "object")
                            message.minBufferedPushId = new $util.LongBits(object.minBufferedPushId.low >>> 0, object.minBufferedPushId.high >>> 0).toNumber(true);
                if (object.maxBufferedPushId != null)
                    if (typeof object.maxBufferedPushId === "object" ? object.maxBufferedPushId.low || object.maxBufferedPushId.high : $Number(object.maxBufferedPushId) !== 0)
                        if ($util.Long)
                            message.maxBufferedPushId = $util.Long.fromValue(object.maxBufferedPushId, true);
                        else if (typeof object.maxBufferedPushId === "string")
                            message.maxBufferedPushId = $parseInt(object.maxBufferedPushId, 10);
                        else if (typeof object.maxBufferedPushId === "number")
                            message.maxBufferedPushId = object.maxBufferedPushId;
                        else if (typeof object.maxBufferedPushId === "object")
                            message.maxBufferedPushId = new $util.LongBits(object.maxBufferedPushId.low >>> 0, object.maxBufferedPushId.high >>> 0).toNumber(true);
                if (object.playerId != null)
                    if (typeof object.playerId === "object" ? object.playerId.low || object.playerId.high : $Number(object.playerId) !== 0)
                        if ($util.Long)
                            message.playerId = $util.Long.fromValue(object.playerId, true);
                        else if (typeof object.playerId === "string")
                            message.playerId = $parseInt(object.playerId, 10);
                        else if (typeof object.playerId === "number")
                            message.playerId = object.playerId;
                        else if (typeof object.playerId === "object")
                            message.playerId = new $util.LongBits(object.playerId.low >>> 0, object.playerId.high >>> 0).toNumber(true);
                if (object.sessionEpoch != null)
                    if (typeof object.sessionEpoch === "object" ? object.sessionEpoch.low || object.sessionEpoch.high : $Number(object.sessionEpoch) !== 0)
                        if ($util.Long)
                            message.sessionEpoch = $util.Long.fromValue(object.sessionEpoch, true);
                        else if (typeof object.sessionEpoch === "string")
                            message.sessionEpoch = $parseInt(object.sessionEpoch, 10);
                        else if (typeof object.sessionEpoch === "number")
                            message.sessionEpoch = object.sessionEpoch;
                        else if (typeof object.sessionEpoch === "object")
                            message.sessionEpoch = new $util.LongBits(object.sessionEpoch.low >>> 0, object.sessionEpoch.high >>> 0).toNumber(true);
                if (object.serverEpoch != null)
                    if (typeof object.serverEpoch !== "string" || object.serverEpoch.length)
                        message.serverEpoch = $String(object.serverEpoch);
                if (object.serverTimeMillis != null)
                    if (typeof object.serverTimeMillis === "object" ? object.serverTimeMillis.low || object.serverTimeMillis.high : $Number(object.serverTimeMillis) !== 0)
                        if ($util.Long)
                            message.serverTimeMillis = $util.Long.fromValue(object.serverTimeMillis, true);
                        else if (typeof object.serverTimeMillis === "string")
                            message.serverTimeMillis = $parseInt(object.serverTimeMillis, 10);
                        else if (typeof object.serverTimeMillis === "number")
                            message.serverTimeMillis = object.serverTimeMillis;
                        else if (typeof object.serverTimeMillis === "object")
                            message.serverTimeMillis = new $util.LongBits(object.serverTimeMillis.low >>> 0, object.serverTimeMillis.high >>> 0).toNumber(true);
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                if (object.replayCount != null)
                    if (typeof object.replayCount === "object" ? object.replayCount.low || object.replayCount.high : $Number(object.replayCount) !== 0)
                        if ($util.Long)
                            message.replayCount = $util.Long.fromValue(object.replayCount, true);
                        else if (typeof object.replayCount === "string")
                            message.replayCount = $parseInt(object.replayCount, 10);
                        else if (typeof object.replayCount === "number")
                            message.replayCount = object.replayCount;
                        else if (typeof object.replayCount === "object")
                            message.replayCount = new $util.LongBits(object.replayCount.low >>> 0, object.replayCount.high >>> 0).toNumber(true);
                return message;
            };

            ResumeResp.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.result = options.enums === $String ? "RESUME_OK" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.serverStateRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.serverStateRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.minBufferedPushId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.minBufferedPushId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.maxBufferedPushId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.maxBufferedPushId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.playerId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.playerId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sessionEpoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sessionEpoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.serverEpoch = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.serverTimeMillis = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.serverTimeMillis = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.sessionId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.replayCount = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.replayCount = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                    object.result = options.enums === $String ? $root.tether.system.ResumeResp.Result[message.result] === $undefined ? message.result : $root.tether.system.ResumeResp.Result[message.result] : message.result;
                if (message.serverStateRevision != null && $Object.hasOwnProperty.call(message, "serverStateRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.serverStateRevision = typeof message.serverStateRevision === "number" ? $BigInt(message.serverStateRevision) : $util.Long.fromBits(message.serverStateRevision.low >>> 0, message.serverStateRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.serverStateRevision === "number")
                        object.serverStateRevision = options.longs === $String ? $String(message.serverStateRevision) : message.serverStateRevision;
                    else
                        object.serverStateRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.serverStateRevision) : options.longs === $Number ? new $util.LongBits(message.serverStateRevision.low >>> 0, message.serverStateRevision.high >>> 0).toNumber(true) : message.serverStateRevision;
                if (message.minBufferedPushId != null && $Object.hasOwnProperty.call(message, "minBufferedPushId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.minBufferedPushId = typeof message.minBufferedPushId === "number" ? $BigInt(message.minBufferedPushId) : $util.Long.fromBits(message.minBufferedPushId.low >>> 0, message.minBufferedPushId.high >>> 0, true).toBigInt();
                    else if (typeof message.minBufferedPushId === "number")
                        object.minBufferedPushId = options.longs === $String ? $String(message.minBufferedPushId) : message.minBufferedPushId;
                    else
                        object.minBufferedPushId = options.longs === $String ? $util.Long.prototype.toString.call(message.minBufferedPushId) : options.longs === $Number ? new $util.LongBits(message.minBufferedPushId.low >>> 0, message.minBufferedPushId.high >>> 0).toNumber(true) : message.minBufferedPushId;
                if (message.maxBufferedPushId != null && $Object.hasOwnProperty.call(message, "maxBufferedPushId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.maxBufferedPushId = typeof message.maxBufferedPushId === "number" ? $BigInt(message.maxBufferedPushId) : $util.Long.fromBits(message.maxBufferedPushId.low >>> 0, message.maxBufferedPushId.high >>> 0, true).toBigInt();
                    else if (typeof message.maxBufferedPushId === "number")
                        object.maxBufferedPushId = options.longs === $String ? $String(message.maxBufferedPushId) : message.maxBufferedPushId;
                    else
                        object.maxBufferedPushId = options.longs === $String ? $util.Long.prototype.toString.call(message.maxBufferedPushId) : options.longs === $Number ? new $util.LongBits(message.maxBufferedPushId.low >>> 0, message.maxBufferedPushId.high >>> 0).toNumber(true) : message.maxBufferedPushId;
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.playerId = typeof message.playerId === "number" ? $BigInt(message.playerId) : $util.Long.fromBits(message.playerId.low >>> 0, message.playerId.high >>> 0, true).toBigInt();
                    else if (typeof message.playerId === "number")
                        object.playerId = options.longs === $String ? $String(message.playerId) : message.playerId;
                    else
                        object.playerId = options.longs === $String ? $util.Long.prototype.toString.call(message.playerId) : options.longs === $Number ? new $util.LongBits(message.playerId.low >>> 0, message.playerId.high >>> 0).toNumber(true) : message.playerId;
                if (message.sessionEpoch != null && $Object.hasOwnProperty.call(message, "sessionEpoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sessionEpoch = typeof message.sessionEpoch === "number" ? $BigInt(message.sessionEpoch) : $util.Long.fromBits(message.sessionEpoch.low >>> 0, message.sessionEpoch.high >>> 0, true).toBigInt();
                    else if (typeof message.sessionEpoch === "number")
                        object.sessionEpoch = options.longs === $String ? $String(message.sessionEpoch) : message.sessionEpoch;
                    else
                        object.sessionEpoch = options.longs === $String ? $util.Long.prototype.toString.call(message.sessionEpoch) : options.longs === $Number ? new $util.LongBits(message.sessionEpoch.low >>> 0, message.sessionEpoch.high >>> 0).toNumber(true) : message.sessionEpoch;
                if (message.serverEpoch != null && $Object.hasOwnProperty.call(message, "serverEpoch"))
                    object.serverEpoch = message.serverEpoch;
                if (message.serverTimeMillis != null && $Object.hasOwnProperty.call(message, "serverTimeMillis"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.serverTimeMillis = typeof message.serverTimeMillis === "number" ? $BigInt(message.serverTimeMillis) : $util.Long.fromBits(message.serverTimeMillis.low >>> 0, message.serverTimeMillis.high >>> 0, true).toBigInt();
                    else if (typeof message.serverTimeMillis === "number")
                        object.serverTimeMillis = options.longs === $String ? $String(message.serverTimeMillis) : message.serverTimeMillis;
                    else
                        object.serverTimeMillis = options.longs === $String ? $util.Long.prototype.toString.call(message.serverTimeMillis) : options.longs === $Number ? new $util.LongBits(message.serverTimeMillis.low >>> 0, message.serverTimeMillis.high >>> 0).toNumber(true) : message.serverTimeMillis;
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.replayCount != null && $Object.hasOwnProperty.call(message, "replayCount"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.replayCount = typeof message.replayCount === "number" ? $BigInt(message.replayCount) : $util.Long.fromBits(message.replayCount.low >>> 0, message.replayCount.high >>> 0, true).toBigInt();
                    else if (typeof message.replayCount === "number")
                        object.replayCount = options.longs === $String ? $String(message.replayCount) : message.replayCount;
                    else
                        object.replayCount = options.longs === $String ? $util.Long.prototype.toString.call(message.replayCount) : options.longs === $Number ? new $util.LongBits(message.replayCount.low >>> 0, message.replayCount.high >>> 0).toNumber(true) : message.replayCount;
                return object;
            };

            ResumeResp.prototype.toJSON = function() {
                return ResumeResp.toObject(this, $protobuf.util.toJSONOptions);
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

            SyncReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.SyncReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.SyncReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.SyncReq();
                if (object.clientStateRevision != null)
                    if (typeof object.clientStateRevision === "object" ? object.clientStateRevision.low || object.clientStateRevision.high : $Number(object.clientStateRevision) !== 0)
                        if ($util.Long)
                            message.clientStateRevision = $util.Long.fromValue(object.clientStateRevision, true);
                        else if (typeof object.clientStateRevision === "string")
                            message.clientStateRevision = $parseInt(object.clientStateRevision, 10);
                        else if (typeof object.clientStateRevision === "number")
                            message.clientStateRevision = object.clientStateRevision;
                        else if (typeof object.clientStateRevision === "object")
                            message.clientStateRevision = new $util.LongBits(object.clientStateRevision.low >>> 0, object.clientStateRevision.high >>> 0).toNumber(true);
                return message;
            };

            SyncReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.clientStateRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.clientStateRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.clientStateRevision != null && $Object.hasOwnProperty.call(message, "clientStateRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.clientStateRevision = typeof message.clientStateRevision === "number" ? $BigInt(message.clientStateRevision) : $util.Long.fromBits(message.clientStateRevision.low >>> 0, message.clientStateRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.clientStateRevision === "number")
                        object.clientStateRevision = options.longs === $String ? $String(message.clientStateRevision) : message.clientStateRevision;
                    else
                        object.clientStateRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.clientStateRevision) : options.longs === $Number ? new $util.LongBits(message.clientStateRevision.low >>> 0, message.clientStateRevision.high >>> 0).toNumber(true) : message.clientStateRevision;
                return object;
            };

            SyncReq.prototype.toJSON = function() {
                return SyncReq.toObject(this, $protobuf.util.toJSONOptions);
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

            SyncResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.SyncResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.SyncResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.SyncResp();
                if (object.snapshotPushId != null)
                    if (typeof object.snapshotPushId === "object" ? object.snapshotPushId.low || object.snapshotPushId.high : $Number(object.snapshotPushId) !== 0)
                        if ($util.Long)
                            message.snapshotPushId = $util.Long.fromValue(object.snapshotPushId, true);
                        else if (typeof object.snapshotPushId === "string")
                            message.snapshotPushId = $parseInt(object.snapshotPushId, 10);
                        else if (typeof object.snapshotPushId === "number")
                            message.snapshotPushId = object.snapshotPushId;
                        else if (typeof object.snapshotPushId === "object")
                            message.snapshotPushId = new $util.LongBits(object.snapshotPushId.low >>> 0, object.snapshotPushId.high >>> 0).toNumber(true);
                return message;
            };

            SyncResp.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.snapshotPushId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.snapshotPushId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.snapshotPushId != null && $Object.hasOwnProperty.call(message, "snapshotPushId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.snapshotPushId = typeof message.snapshotPushId === "number" ? $BigInt(message.snapshotPushId) : $util.Long.fromBits(message.snapshotPushId.low >>> 0, message.snapshotPushId.high >>> 0, true).toBigInt();
                    else if (typeof message.snapshotPushId === "number")
                        object.snapshotPushId = options.longs === $String ? $String(message.snapshotPushId) : message.snapshotPushId;
                    else
                        object.snapshotPushId = options.longs === $String ? $util.Long.prototype.toString.call(message.snapshotPushId) : options.longs === $Number ? new $util.LongBits(message.snapshotPushId.low >>> 0, message.snapshotPushId.high >>> 0).toNumber(true) : message.snapshotPushId;
                return object;
            };

            SyncResp.prototype.toJSON = function() {
                return SyncResp.toObject(this, $protobuf.util.toJSONOptions);
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

            SyncSnapshotPush.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.SyncSnapshotPush)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.SyncSnapshotPush: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.SyncSnapshotPush();
                if (object.serverStateRevision != null)
                    if (typeof object.serverStateRevision === "object" ? object.serverStateRevision.low || object.serverStateRevision.high : $Number(object.serverStateRevision) !== 0)
                        if ($util.Long)
                            message.serverStateRevision = $util.Long.fromValue(object.serverStateRevision, true);
                        else if (typeof object.serverStateRevision === "string")
                            message.serverStateRevision = $parseInt(object.serverStateRevision, 10);
                        else if (typeof object.serverStateRevision === "number")
                            message.serverStateRevision = object.serverStateRevision;
                        else if (typeof object.serverStateRevision === "object")
                            message.serverStateRevision = new $util.LongBits(object.serverStateRevision.low >>> 0, object.serverStateRevision.high >>> 0).toNumber(true);
                if (object.snapshot != null)
                    if (object.snapshot.length)
                        if (typeof object.snapshot === "string")
                            $util.base64.decode(object.snapshot, message.snapshot = $util.newBuffer($util.base64.length(object.snapshot)), 0);
                        else if (object.snapshot.length >= 0)
                            message.snapshot = object.snapshot;
                return message;
            };

            SyncSnapshotPush.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.serverStateRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.serverStateRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.snapshot = "";
                    else {
                        object.snapshot = [];
                        if (options.bytes !== $Array)
                            object.snapshot = $util.newBuffer(object.snapshot);
                    }
                }
                if (message.serverStateRevision != null && $Object.hasOwnProperty.call(message, "serverStateRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.serverStateRevision = typeof message.serverStateRevision === "number" ? $BigInt(message.serverStateRevision) : $util.Long.fromBits(message.serverStateRevision.low >>> 0, message.serverStateRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.serverStateRevision === "number")
                        object.serverStateRevision = options.longs === $String ? $String(message.serverStateRevision) : message.serverStateRevision;
                    else
                        object.serverStateRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.serverStateRevision) : options.longs === $Number ? new $util.LongBits(message.serverStateRevision.low >>> 0, message.serverStateRevision.high >>> 0).toNumber(true) : message.serverStateRevision;
                if (message.snapshot != null && $Object.hasOwnProperty.call(message, "snapshot"))
                    object.snapshot = options.bytes === $String ? $util.base64.encode(message.snapshot, 0, message.snapshot.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.snapshot) : message.snapshot;
                return object;
            };

            SyncSnapshotPush.prototype.toJSON = function() {
                return SyncSnapshotPush.toObject(this, $protobuf.util.toJSONOptions);
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

            DisconnectPush.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.DisconnectPush)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.DisconnectPush: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.DisconnectPush();
                if (object.code != null)
                    if ($Number(object.code) !== 0)
                        message.code = object.code | 0;
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.reconnect != null)
                    if (object.reconnect)
                        message.reconnect = $Boolean(object.reconnect);
                return message;
            };

            DisconnectPush.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = 0;
                    object.reason = "";
                    object.reconnect = false;
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.reconnect != null && $Object.hasOwnProperty.call(message, "reconnect"))
                    object.reconnect = message.reconnect;
                return object;
            };

            DisconnectPush.prototype.toJSON = function() {
                return DisconnectPush.toObject(this, $protobuf.util.toJSONOptions);
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

            LogoutReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.LogoutReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.LogoutReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tether.system.LogoutReq();
            };

            LogoutReq.toObject = function () {
                return {};
            };

            LogoutReq.prototype.toJSON = function() {
                return LogoutReq.toObject(this, $protobuf.util.toJSONOptions);
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

            LogoutResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.LogoutResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.LogoutResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tether.system.LogoutResp();
            };

            LogoutResp.toObject = function () {
                return {};
            };

            LogoutResp.prototype.toJSON = function() {
                return LogoutResp.toObject(this, $protobuf.util.toJSONOptions);
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

            Error.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.system.Error)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.system.Error: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.system.Error();
                if (object.code != null)
                    if ($Number(object.code) !== 0)
                        message.code = object.code | 0;
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.retryable != null)
                    if (object.retryable)
                        message.retryable = $Boolean(object.retryable);
                if (object.detail) {
                    if (!$util.isObject(object.detail))
                        throw $TypeError(".tether.system.Error.detail: object expected");
                    message.detail = {};
                    for (let keys = $Object.keys(object.detail), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.detail, keys[i]);
                        message.detail[keys[i]] = $String(object.detail[keys[i]]);
                    }
                }
                return message;
            };

            Error.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.detail = {};
                if (options.defaults) {
                    object.code = 0;
                    object.message = "";
                    object.retryable = false;
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.retryable != null && $Object.hasOwnProperty.call(message, "retryable"))
                    object.retryable = message.retryable;
                let keys2;
                if (message.detail && (keys2 = $Object.keys(message.detail)).length) {
                    object.detail = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.detail, keys2[j]);
                        object.detail[keys2[j]] = message.detail[keys2[j]];
                    }
                }
                return object;
            };

            Error.prototype.toJSON = function() {
                return Error.toObject(this, $protobuf.util.toJSONOptions);
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
