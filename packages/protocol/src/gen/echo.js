// @generated from proto/examples/echo.proto by packages/protocol/scripts/generate.mjs. Do not edit.
/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "../protobuf-runtime.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $Boolean = $util.global.Boolean, $Array = $util.global.Array, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt;

const $root = $protobuf.roots["tether_echo"] || ($protobuf.roots["tether_echo"] = {});

export const tether = $root.tether = (() => {

    const tether = {};

    tether.echo = (function() {

        const echo = {};

        echo.Empty = (function() {

            const Empty = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Empty.create = function(properties) {
                return new Empty(properties);
            };

            Empty.encode = function (message, writer, _depth) {
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

            Empty.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.Empty();
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

            Empty.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.Empty)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.Empty: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tether.echo.Empty();
            };

            Empty.toObject = function () {
                return {};
            };

            Empty.prototype.toJSON = function() {
                return Empty.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Empty;
        })();

        echo.EchoReq = (function() {

            const EchoReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            EchoReq.prototype.text = "";

            EchoReq.create = function(properties) {
                return new EchoReq(properties);
            };

            EchoReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(10).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            EchoReq.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.EchoReq();
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
                                message.text = value;
                            else
                                delete message.text;
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

            EchoReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.EchoReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.EchoReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.EchoReq();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            EchoReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.text = "";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            EchoReq.prototype.toJSON = function() {
                return EchoReq.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EchoReq;
        })();

        echo.EchoResp = (function() {

            const EchoResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            EchoResp.prototype.text = "";

            EchoResp.create = function(properties) {
                return new EchoResp(properties);
            };

            EchoResp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(10).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            EchoResp.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.EchoResp();
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
                                message.text = value;
                            else
                                delete message.text;
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

            EchoResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.EchoResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.EchoResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.EchoResp();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            EchoResp.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.text = "";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            EchoResp.prototype.toJSON = function() {
                return EchoResp.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EchoResp;
        })();

        echo.PushMeReq = (function() {

            const PushMeReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PushMeReq.prototype.count = 0;
            PushMeReq.prototype.reliable = false;
            PushMeReq.prototype.padBytes = 0;
            PushMeReq.prototype.intervalMs = 0;
            PushMeReq.prototype.compressHint = false;

            PushMeReq.create = function(properties) {
                return new PushMeReq(properties);
            };

            PushMeReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.count != null && $Object.hasOwnProperty.call(message, "count") && message.count !== 0)
                    writer.uint32(8).uint32(message.count);
                if (message.reliable != null && $Object.hasOwnProperty.call(message, "reliable") && message.reliable !== false)
                    writer.uint32(16).bool(message.reliable);
                if (message.padBytes != null && $Object.hasOwnProperty.call(message, "padBytes") && message.padBytes !== 0)
                    writer.uint32(24).uint32(message.padBytes);
                if (message.intervalMs != null && $Object.hasOwnProperty.call(message, "intervalMs") && message.intervalMs !== 0)
                    writer.uint32(32).uint32(message.intervalMs);
                if (message.compressHint != null && $Object.hasOwnProperty.call(message, "compressHint") && message.compressHint !== false)
                    writer.uint32(40).bool(message.compressHint);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PushMeReq.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.PushMeReq();
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
                                message.count = value;
                            else
                                delete message.count;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.reliable = value;
                            else
                                delete message.reliable;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.padBytes = value;
                            else
                                delete message.padBytes;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.intervalMs = value;
                            else
                                delete message.intervalMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.compressHint = value;
                            else
                                delete message.compressHint;
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

            PushMeReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.PushMeReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.PushMeReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.PushMeReq();
                if (object.count != null)
                    if ($Number(object.count) !== 0)
                        message.count = object.count >>> 0;
                if (object.reliable != null)
                    if (object.reliable)
                        message.reliable = $Boolean(object.reliable);
                if (object.padBytes != null)
                    if ($Number(object.padBytes) !== 0)
                        message.padBytes = object.padBytes >>> 0;
                if (object.intervalMs != null)
                    if ($Number(object.intervalMs) !== 0)
                        message.intervalMs = object.intervalMs >>> 0;
                if (object.compressHint != null)
                    if (object.compressHint)
                        message.compressHint = $Boolean(object.compressHint);
                return message;
            };

            PushMeReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.count = 0;
                    object.reliable = false;
                    object.padBytes = 0;
                    object.intervalMs = 0;
                    object.compressHint = false;
                }
                if (message.count != null && $Object.hasOwnProperty.call(message, "count"))
                    object.count = message.count;
                if (message.reliable != null && $Object.hasOwnProperty.call(message, "reliable"))
                    object.reliable = message.reliable;
                if (message.padBytes != null && $Object.hasOwnProperty.call(message, "padBytes"))
                    object.padBytes = message.padBytes;
                if (message.intervalMs != null && $Object.hasOwnProperty.call(message, "intervalMs"))
                    object.intervalMs = message.intervalMs;
                if (message.compressHint != null && $Object.hasOwnProperty.call(message, "compressHint"))
                    object.compressHint = message.compressHint;
                return object;
            };

            PushMeReq.prototype.toJSON = function() {
                return PushMeReq.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PushMeReq;
        })();

        echo.PushMeResp = (function() {

            const PushMeResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PushMeResp.create = function(properties) {
                return new PushMeResp(properties);
            };

            PushMeResp.encode = function (message, writer, _depth) {
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

            PushMeResp.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.PushMeResp();
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

            PushMeResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.PushMeResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.PushMeResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tether.echo.PushMeResp();
            };

            PushMeResp.toObject = function () {
                return {};
            };

            PushMeResp.prototype.toJSON = function() {
                return PushMeResp.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PushMeResp;
        })();

        echo.PushMsg = (function() {

            const PushMsg = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PushMsg.prototype.index = 0;
            PushMsg.prototype.pad = $util.newBuffer([]);

            PushMsg.create = function(properties) {
                return new PushMsg(properties);
            };

            PushMsg.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && message.index !== 0)
                    writer.uint32(8).uint32(message.index);
                if (message.pad != null && $Object.hasOwnProperty.call(message, "pad") && message.pad.length)
                    writer.uint32(18).bytes(message.pad);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PushMsg.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.PushMsg();
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
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.pad = value;
                            else
                                delete message.pad;
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

            PushMsg.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.PushMsg)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.PushMsg: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.PushMsg();
                if (object.index != null)
                    if ($Number(object.index) !== 0)
                        message.index = object.index >>> 0;
                if (object.pad != null)
                    if (object.pad.length)
                        if (typeof object.pad === "string")
                            $util.base64.decode(object.pad, message.pad = $util.newBuffer($util.base64.length(object.pad)), 0);
                        else if (object.pad.length >= 0)
                            message.pad = object.pad;
                return message;
            };

            PushMsg.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.index = 0;
                    if (options.bytes === $String)
                        object.pad = "";
                    else {
                        object.pad = [];
                        if (options.bytes !== $Array)
                            object.pad = $util.newBuffer(object.pad);
                    }
                }
                if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                    object.index = message.index;
                if (message.pad != null && $Object.hasOwnProperty.call(message, "pad"))
                    object.pad = options.bytes === $String ? $util.base64.encode(message.pad, 0, message.pad.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.pad) : message.pad;
                return object;
            };

            PushMsg.prototype.toJSON = function() {
                return PushMsg.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PushMsg;
        })();

        echo.FailReq = (function() {

            const FailReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            FailReq.prototype.code = 0;
            FailReq.prototype.message = "";

            FailReq.create = function(properties) {
                return new FailReq(properties);
            };

            FailReq.encode = function (message, writer, _depth) {
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
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            FailReq.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.FailReq();
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

            FailReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.FailReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.FailReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.FailReq();
                if (object.code != null)
                    if ($Number(object.code) !== 0)
                        message.code = object.code | 0;
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            FailReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = 0;
                    object.message = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            FailReq.prototype.toJSON = function() {
                return FailReq.toObject(this, $protobuf.util.toJSONOptions);
            };

            return FailReq;
        })();

        echo.SlowReq = (function() {

            const SlowReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SlowReq.prototype.ms = 0;

            SlowReq.create = function(properties) {
                return new SlowReq(properties);
            };

            SlowReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ms != null && $Object.hasOwnProperty.call(message, "ms") && message.ms !== 0)
                    writer.uint32(8).uint32(message.ms);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SlowReq.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.SlowReq();
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
                                message.ms = value;
                            else
                                delete message.ms;
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

            SlowReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.SlowReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.SlowReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.SlowReq();
                if (object.ms != null)
                    if ($Number(object.ms) !== 0)
                        message.ms = object.ms >>> 0;
                return message;
            };

            SlowReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.ms = 0;
                if (message.ms != null && $Object.hasOwnProperty.call(message, "ms"))
                    object.ms = message.ms;
                return object;
            };

            SlowReq.prototype.toJSON = function() {
                return SlowReq.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SlowReq;
        })();

        echo.SlowResp = (function() {

            const SlowResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SlowResp.create = function(properties) {
                return new SlowResp(properties);
            };

            SlowResp.encode = function (message, writer, _depth) {
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

            SlowResp.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.SlowResp();
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

            SlowResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.SlowResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.SlowResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tether.echo.SlowResp();
            };

            SlowResp.toObject = function () {
                return {};
            };

            SlowResp.prototype.toJSON = function() {
                return SlowResp.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SlowResp;
        })();

        echo.TopicReq = (function() {

            const TopicReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            TopicReq.prototype.topic = "";

            TopicReq.create = function(properties) {
                return new TopicReq(properties);
            };

            TopicReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                    writer.uint32(10).string(message.topic);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            TopicReq.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.TopicReq();
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
                                message.topic = value;
                            else
                                delete message.topic;
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

            TopicReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.TopicReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.TopicReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.TopicReq();
                if (object.topic != null)
                    if (typeof object.topic !== "string" || object.topic.length)
                        message.topic = $String(object.topic);
                return message;
            };

            TopicReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.topic = "";
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                    object.topic = message.topic;
                return object;
            };

            TopicReq.prototype.toJSON = function() {
                return TopicReq.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TopicReq;
        })();

        echo.PublishReq = (function() {

            const PublishReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PublishReq.prototype.topic = "";
            PublishReq.prototype.text = "";

            PublishReq.create = function(properties) {
                return new PublishReq(properties);
            };

            PublishReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                    writer.uint32(10).string(message.topic);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(18).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PublishReq.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.PublishReq();
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
                                message.topic = value;
                            else
                                delete message.topic;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
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

            PublishReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.PublishReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.PublishReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.PublishReq();
                if (object.topic != null)
                    if (typeof object.topic !== "string" || object.topic.length)
                        message.topic = $String(object.topic);
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            PublishReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.topic = "";
                    object.text = "";
                }
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                    object.topic = message.topic;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            PublishReq.prototype.toJSON = function() {
                return PublishReq.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PublishReq;
        })();

        echo.TopicMsg = (function() {

            const TopicMsg = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            TopicMsg.prototype.topic = "";
            TopicMsg.prototype.text = "";
            TopicMsg.prototype.fromPlayer = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            TopicMsg.create = function(properties) {
                return new TopicMsg(properties);
            };

            TopicMsg.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                    writer.uint32(10).string(message.topic);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(18).string(message.text);
                if (message.fromPlayer != null && $Object.hasOwnProperty.call(message, "fromPlayer") && (typeof message.fromPlayer === "object" ? message.fromPlayer.low || message.fromPlayer.high : message.fromPlayer !== 0))
                    writer.uint32(24).uint64(message.fromPlayer);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            TopicMsg.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.TopicMsg();
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
                                message.topic = value;
                            else
                                delete message.topic;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.fromPlayer = value;
                            else
                                delete message.fromPlayer;
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

            TopicMsg.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.TopicMsg)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.TopicMsg: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.TopicMsg();
                if (object.topic != null)
                    if (typeof object.topic !== "string" || object.topic.length)
                        message.topic = $String(object.topic);
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                if (object.fromPlayer != null)
                    if (typeof object.fromPlayer === "object" ? object.fromPlayer.low || object.fromPlayer.high : $Number(object.fromPlayer) !== 0)
                        if ($util.Long)
                            message.fromPlayer = $util.Long.fromValue(object.fromPlayer, true);
                        else if (typeof object.fromPlayer === "string")
                            message.fromPlayer = $parseInt(object.fromPlayer, 10);
                        else if (typeof object.fromPlayer === "number")
                            message.fromPlayer = object.fromPlayer;
                        else if (typeof object.fromPlayer === "object")
                            message.fromPlayer = new $util.LongBits(object.fromPlayer.low >>> 0, object.fromPlayer.high >>> 0).toNumber(true);
                return message;
            };

            TopicMsg.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.topic = "";
                    object.text = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.fromPlayer = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.fromPlayer = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                    object.topic = message.topic;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                if (message.fromPlayer != null && $Object.hasOwnProperty.call(message, "fromPlayer"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.fromPlayer = typeof message.fromPlayer === "number" ? $BigInt(message.fromPlayer) : $util.Long.fromBits(message.fromPlayer.low >>> 0, message.fromPlayer.high >>> 0, true).toBigInt();
                    else if (typeof message.fromPlayer === "number")
                        object.fromPlayer = options.longs === $String ? $String(message.fromPlayer) : message.fromPlayer;
                    else
                        object.fromPlayer = options.longs === $String ? $util.Long.prototype.toString.call(message.fromPlayer) : options.longs === $Number ? new $util.LongBits(message.fromPlayer.low >>> 0, message.fromPlayer.high >>> 0).toNumber(true) : message.fromPlayer;
                return object;
            };

            TopicMsg.prototype.toJSON = function() {
                return TopicMsg.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TopicMsg;
        })();

        echo.CounterResp = (function() {

            const CounterResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            CounterResp.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            CounterResp.create = function(properties) {
                return new CounterResp(properties);
            };

            CounterResp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                    writer.uint32(8).uint64(message.revision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            CounterResp.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.CounterResp();
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
                                message.revision = value;
                            else
                                delete message.revision;
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

            CounterResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.CounterResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.CounterResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.CounterResp();
                if (object.revision != null)
                    if (typeof object.revision === "object" ? object.revision.low || object.revision.high : $Number(object.revision) !== 0)
                        if ($util.Long)
                            message.revision = $util.Long.fromValue(object.revision, true);
                        else if (typeof object.revision === "string")
                            message.revision = $parseInt(object.revision, 10);
                        else if (typeof object.revision === "number")
                            message.revision = object.revision;
                        else if (typeof object.revision === "object")
                            message.revision = new $util.LongBits(object.revision.low >>> 0, object.revision.high >>> 0).toNumber(true);
                return message;
            };

            CounterResp.toObject = function (message, options, _depth) {
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
                        object.revision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.revision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.revision != null && $Object.hasOwnProperty.call(message, "revision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.revision = typeof message.revision === "number" ? $BigInt(message.revision) : $util.Long.fromBits(message.revision.low >>> 0, message.revision.high >>> 0, true).toBigInt();
                    else if (typeof message.revision === "number")
                        object.revision = options.longs === $String ? $String(message.revision) : message.revision;
                    else
                        object.revision = options.longs === $String ? $util.Long.prototype.toString.call(message.revision) : options.longs === $Number ? new $util.LongBits(message.revision.low >>> 0, message.revision.high >>> 0).toNumber(true) : message.revision;
                return object;
            };

            CounterResp.prototype.toJSON = function() {
                return CounterResp.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CounterResp;
        })();

        echo.StateDelta = (function() {

            const StateDelta = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            StateDelta.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            StateDelta.create = function(properties) {
                return new StateDelta(properties);
            };

            StateDelta.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                    writer.uint32(8).uint64(message.revision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            StateDelta.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.StateDelta();
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
                                message.revision = value;
                            else
                                delete message.revision;
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

            StateDelta.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.StateDelta)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.StateDelta: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.StateDelta();
                if (object.revision != null)
                    if (typeof object.revision === "object" ? object.revision.low || object.revision.high : $Number(object.revision) !== 0)
                        if ($util.Long)
                            message.revision = $util.Long.fromValue(object.revision, true);
                        else if (typeof object.revision === "string")
                            message.revision = $parseInt(object.revision, 10);
                        else if (typeof object.revision === "number")
                            message.revision = object.revision;
                        else if (typeof object.revision === "object")
                            message.revision = new $util.LongBits(object.revision.low >>> 0, object.revision.high >>> 0).toNumber(true);
                return message;
            };

            StateDelta.toObject = function (message, options, _depth) {
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
                        object.revision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.revision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.revision != null && $Object.hasOwnProperty.call(message, "revision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.revision = typeof message.revision === "number" ? $BigInt(message.revision) : $util.Long.fromBits(message.revision.low >>> 0, message.revision.high >>> 0, true).toBigInt();
                    else if (typeof message.revision === "number")
                        object.revision = options.longs === $String ? $String(message.revision) : message.revision;
                    else
                        object.revision = options.longs === $String ? $util.Long.prototype.toString.call(message.revision) : options.longs === $Number ? new $util.LongBits(message.revision.low >>> 0, message.revision.high >>> 0).toNumber(true) : message.revision;
                return object;
            };

            StateDelta.prototype.toJSON = function() {
                return StateDelta.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateDelta;
        })();

        echo.CounterSnapshot = (function() {

            const CounterSnapshot = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            CounterSnapshot.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            CounterSnapshot.create = function(properties) {
                return new CounterSnapshot(properties);
            };

            CounterSnapshot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                    writer.uint32(8).uint64(message.revision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            CounterSnapshot.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.CounterSnapshot();
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
                                message.revision = value;
                            else
                                delete message.revision;
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

            CounterSnapshot.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.CounterSnapshot)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.CounterSnapshot: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.CounterSnapshot();
                if (object.revision != null)
                    if (typeof object.revision === "object" ? object.revision.low || object.revision.high : $Number(object.revision) !== 0)
                        if ($util.Long)
                            message.revision = $util.Long.fromValue(object.revision, true);
                        else if (typeof object.revision === "string")
                            message.revision = $parseInt(object.revision, 10);
                        else if (typeof object.revision === "number")
                            message.revision = object.revision;
                        else if (typeof object.revision === "object")
                            message.revision = new $util.LongBits(object.revision.low >>> 0, object.revision.high >>> 0).toNumber(true);
                return message;
            };

            CounterSnapshot.toObject = function (message, options, _depth) {
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
                        object.revision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.revision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.revision != null && $Object.hasOwnProperty.call(message, "revision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.revision = typeof message.revision === "number" ? $BigInt(message.revision) : $util.Long.fromBits(message.revision.low >>> 0, message.revision.high >>> 0, true).toBigInt();
                    else if (typeof message.revision === "number")
                        object.revision = options.longs === $String ? $String(message.revision) : message.revision;
                    else
                        object.revision = options.longs === $String ? $util.Long.prototype.toString.call(message.revision) : options.longs === $Number ? new $util.LongBits(message.revision.low >>> 0, message.revision.high >>> 0).toNumber(true) : message.revision;
                return object;
            };

            CounterSnapshot.prototype.toJSON = function() {
                return CounterSnapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CounterSnapshot;
        })();

        echo.KickReq = (function() {

            const KickReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            KickReq.prototype.playerId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            KickReq.prototype.reason = "";

            KickReq.create = function(properties) {
                return new KickReq(properties);
            };

            KickReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId") && (typeof message.playerId === "object" ? message.playerId.low || message.playerId.high : message.playerId !== 0))
                    writer.uint32(8).uint64(message.playerId);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            KickReq.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.KickReq();
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
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
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

            KickReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.KickReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.KickReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.KickReq();
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
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            KickReq.toObject = function (message, options, _depth) {
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
                    object.reason = "";
                }
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.playerId = typeof message.playerId === "number" ? $BigInt(message.playerId) : $util.Long.fromBits(message.playerId.low >>> 0, message.playerId.high >>> 0, true).toBigInt();
                    else if (typeof message.playerId === "number")
                        object.playerId = options.longs === $String ? $String(message.playerId) : message.playerId;
                    else
                        object.playerId = options.longs === $String ? $util.Long.prototype.toString.call(message.playerId) : options.longs === $Number ? new $util.LongBits(message.playerId.low >>> 0, message.playerId.high >>> 0).toNumber(true) : message.playerId;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            KickReq.prototype.toJSON = function() {
                return KickReq.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KickReq;
        })();

        echo.WhoamiResp = (function() {

            const WhoamiResp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            WhoamiResp.prototype.playerId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            WhoamiResp.prototype.sessionId = "";
            WhoamiResp.prototype.sessionEpoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            WhoamiResp.create = function(properties) {
                return new WhoamiResp(properties);
            };

            WhoamiResp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId") && (typeof message.playerId === "object" ? message.playerId.low || message.playerId.high : message.playerId !== 0))
                    writer.uint32(8).uint64(message.playerId);
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(18).string(message.sessionId);
                if (message.sessionEpoch != null && $Object.hasOwnProperty.call(message, "sessionEpoch") && (typeof message.sessionEpoch === "object" ? message.sessionEpoch.low || message.sessionEpoch.high : message.sessionEpoch !== 0))
                    writer.uint32(24).uint64(message.sessionEpoch);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            WhoamiResp.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.WhoamiResp();
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
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sessionEpoch = value;
                            else
                                delete message.sessionEpoch;
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

            WhoamiResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.WhoamiResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.WhoamiResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.WhoamiResp();
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
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
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
                return message;
            };

            WhoamiResp.toObject = function (message, options, _depth) {
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
                    object.sessionId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sessionEpoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sessionEpoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.playerId != null && $Object.hasOwnProperty.call(message, "playerId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.playerId = typeof message.playerId === "number" ? $BigInt(message.playerId) : $util.Long.fromBits(message.playerId.low >>> 0, message.playerId.high >>> 0, true).toBigInt();
                    else if (typeof message.playerId === "number")
                        object.playerId = options.longs === $String ? $String(message.playerId) : message.playerId;
                    else
                        object.playerId = options.longs === $String ? $util.Long.prototype.toString.call(message.playerId) : options.longs === $Number ? new $util.LongBits(message.playerId.low >>> 0, message.playerId.high >>> 0).toNumber(true) : message.playerId;
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.sessionEpoch != null && $Object.hasOwnProperty.call(message, "sessionEpoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sessionEpoch = typeof message.sessionEpoch === "number" ? $BigInt(message.sessionEpoch) : $util.Long.fromBits(message.sessionEpoch.low >>> 0, message.sessionEpoch.high >>> 0, true).toBigInt();
                    else if (typeof message.sessionEpoch === "number")
                        object.sessionEpoch = options.longs === $String ? $String(message.sessionEpoch) : message.sessionEpoch;
                    else
                        object.sessionEpoch = options.longs === $String ? $util.Long.prototype.toString.call(message.sessionEpoch) : options.longs === $Number ? new $util.LongBits(message.sessionEpoch.low >>> 0, message.sessionEpoch.high >>> 0).toNumber(true) : message.sessionEpoch;
                return object;
            };

            WhoamiResp.prototype.toJSON = function() {
                return WhoamiResp.toObject(this, $protobuf.util.toJSONOptions);
            };

            return WhoamiResp;
        })();

        echo.BroadcastReq = (function() {

            const BroadcastReq = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            BroadcastReq.prototype.text = "";

            BroadcastReq.create = function(properties) {
                return new BroadcastReq(properties);
            };

            BroadcastReq.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(10).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            BroadcastReq.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.BroadcastReq();
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
                                message.text = value;
                            else
                                delete message.text;
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

            BroadcastReq.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.BroadcastReq)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.BroadcastReq: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.BroadcastReq();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            BroadcastReq.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.text = "";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            BroadcastReq.prototype.toJSON = function() {
                return BroadcastReq.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BroadcastReq;
        })();

        echo.BroadcastMsg = (function() {

            const BroadcastMsg = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            BroadcastMsg.prototype.text = "";

            BroadcastMsg.create = function(properties) {
                return new BroadcastMsg(properties);
            };

            BroadcastMsg.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(10).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            BroadcastMsg.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.BroadcastMsg();
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
                                message.text = value;
                            else
                                delete message.text;
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

            BroadcastMsg.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.BroadcastMsg)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.BroadcastMsg: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.BroadcastMsg();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            BroadcastMsg.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.text = "";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            BroadcastMsg.prototype.toJSON = function() {
                return BroadcastMsg.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BroadcastMsg;
        })();

        echo.NotesResp = (function() {

            const NotesResp = function (properties) {
                this.texts = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            NotesResp.prototype.texts = $util.emptyArray;

            NotesResp.create = function(properties) {
                return new NotesResp(properties);
            };

            NotesResp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.texts != null && message.texts.length)
                    for (let i = 0; i < message.texts.length; ++i)
                        writer.uint32(10).string(message.texts[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            NotesResp.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.tether.echo.NotesResp();
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
                            if (!(message.texts && message.texts.length))
                                message.texts = [];
                            message.texts.push(reader.stringVerify());
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

            NotesResp.fromObject = function (object, _depth) {
                if (object instanceof $root.tether.echo.NotesResp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tether.echo.NotesResp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tether.echo.NotesResp();
                if (object.texts) {
                    if (!$Array.isArray(object.texts))
                        throw $TypeError(".tether.echo.NotesResp.texts: array expected");
                    message.texts = $Array(object.texts.length);
                    for (let i = 0; i < object.texts.length; ++i)
                        message.texts[i] = $String(object.texts[i]);
                }
                return message;
            };

            NotesResp.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.texts = [];
                if (message.texts && message.texts.length) {
                    object.texts = $Array(message.texts.length);
                    for (let j = 0; j < message.texts.length; ++j)
                        object.texts[j] = message.texts[j];
                }
                return object;
            };

            NotesResp.prototype.toJSON = function() {
                return NotesResp.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NotesResp;
        })();

        return echo;
    })();

    return tether;
})();

export {
  $root as default
};
