/**
 * The protobufjs runtime the generated code imports. It decodes 64-bit integer fields as JS
 * numbers (safe up to 2^53-1), the same in Node and browsers: otherwise Node, where long.js is
 * installed, would hand out Long objects while browser bundles return numbers.
 * Note: this setting is process-wide in protobufjs.
 */
import $protobuf from "protobufjs/minimal.js";

($protobuf.util as { Long: unknown }).Long = undefined;
$protobuf.configure();

export default $protobuf;
