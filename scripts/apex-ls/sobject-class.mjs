/**
 * Writes the Java class file by which apex-ls knows a standard sObject. Its catalogue
 * (sobject-types-61.0.0.jar) is a package of such classes, one per object, read by reflection:
 * `public class com.nawforce.runforce.SObjects.<Object> extends com.nawforce.runforce.System.SObject`
 * with a public field per sObject field, typed with the catalogue's Apex classes, plus the two
 * generic statics `SObjectType` and `Fields` every catalogue object has. apex-ls only reads
 * field names, field types and generic signatures, so the class has nothing else but a
 * constructor. Class file format: Java 8 (major 52), like the rest of the catalogue.
 */
const RUNFORCE = 'com/nawforce/runforce';
const SOBJECTS = `${RUNFORCE}/SObjects`;

/** Apex type of a definition → JVM descriptor of the catalogue class that stands for it. */
const SCALARS = {
    Id: `L${RUNFORCE}/System/Id;`,
    String: `L${RUNFORCE}/System/String;`,
    Boolean: `L${RUNFORCE}/System/Boolean;`,
    Integer: `L${RUNFORCE}/System/Integer;`,
    Decimal: `L${RUNFORCE}/System/Decimal;`,
    Datetime: `L${RUNFORCE}/System/Datetime;`
};

/** Fields every sObject has (Object Reference, "System Fields"). */
const SYSTEM_FIELDS = {
    Id: 'Id',
    IsDeleted: 'Boolean',
    CreatedBy: 'reference:User',
    CreatedDate: 'Datetime',
    LastModifiedBy: 'reference:User',
    LastModifiedDate: 'Datetime',
    SystemModstamp: 'Datetime'
};

/**
 * The sObject's fields as [name, descriptor] pairs. `reference:Target` under the name `X`
 * stands for the Id field `XId` and the relationship `X`, as on every standard object.
 */
export function sobjectFields(fields) {
    const result = [];
    for (const [name, type] of Object.entries({ ...SYSTEM_FIELDS, ...fields })) {
        const reference = /^reference:(\w+)$/.exec(type);
        if (reference) {
            result.push([`${name}Id`, SCALARS.Id], [name, `L${SOBJECTS}/${reference[1]};`]);
        } else if (SCALARS[type]) {
            result.push([name, SCALARS[type]]);
        } else {
            throw new Error(`field ${name} has the unknown type "${type}"`);
        }
    }
    return result;
}

class ConstantPool {
    entries = [];
    index = new Map();

    add(key, bytes) {
        if (!this.index.has(key)) {
            this.entries.push(bytes);
            this.index.set(key, this.entries.length);
        }
        return this.index.get(key);
    }

    utf8(text) {
        const data = Buffer.from(text, 'utf8');
        return this.add(`utf8:${text}`, Buffer.concat([Buffer.from([1]), u2(data.length), data]));
    }

    classRef(internalName) {
        const name = this.utf8(internalName);
        return this.add(`class:${internalName}`, Buffer.concat([Buffer.from([7]), u2(name)]));
    }

    methodRef(owner, name, descriptor) {
        const ownerIndex = this.classRef(owner);
        const nameAndType = this.add(
            `nat:${name}:${descriptor}`,
            Buffer.concat([Buffer.from([12]), u2(this.utf8(name)), u2(this.utf8(descriptor))])
        );
        return this.add(
            `method:${owner}.${name}:${descriptor}`,
            Buffer.concat([Buffer.from([10]), u2(ownerIndex), u2(nameAndType)])
        );
    }

    bytes() {
        return Buffer.concat([u2(this.entries.length + 1), ...this.entries]);
    }
}

function u2(value) {
    const buffer = Buffer.alloc(2);
    buffer.writeUInt16BE(value);
    return buffer;
}

function u4(value) {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(value);
    return buffer;
}

const ACC_PUBLIC = 0x0001;
const ACC_STATIC = 0x0008;
const ACC_SUPER = 0x0020;

/** The class file bytes for one sObject; its entry name in the jar is `${SOBJECTS}/${name}.class`. */
export function sobjectClass(name, fields) {
    if (!/^[A-Za-z]\w*$/.test(name)) {
        throw new Error(`"${name}" is not an sObject name`);
    }
    const self = `${SOBJECTS}/${name}`;
    const superName = `${RUNFORCE}/System/SObject`;
    const pool = new ConstantPool();
    const thisClass = pool.classRef(self);
    const superClass = pool.classRef(superName);
    const signature = pool.utf8('Signature');
    const code = pool.utf8('Code');

    const fieldInfos = [];
    for (const [staticName, generic] of [
        ['SObjectType', 'Internal/SObjectType$'],
        ['Fields', 'Internal/SObjectFields$']
    ]) {
        fieldInfos.push(
            Buffer.concat([
                u2(ACC_PUBLIC | ACC_STATIC),
                u2(pool.utf8(staticName)),
                u2(pool.utf8(`L${RUNFORCE}/${generic};`)),
                u2(1),
                u2(signature),
                u4(2),
                u2(pool.utf8(`L${RUNFORCE}/${generic}<L${self};>;`))
            ])
        );
    }
    for (const [fieldName, descriptor] of sobjectFields(fields)) {
        fieldInfos.push(
            Buffer.concat([u2(ACC_PUBLIC), u2(pool.utf8(fieldName)), u2(pool.utf8(descriptor)), u2(0)])
        );
    }

    // public <init>() { super(); }: aload_0, invokespecial SObject.<init>, return.
    const superInit = pool.methodRef(superName, '<init>', '()V');
    const bytecode = Buffer.concat([Buffer.from([0x2a, 0xb7]), u2(superInit), Buffer.from([0xb1])]);
    const codeAttribute = Buffer.concat([
        u2(code),
        u4(2 + 2 + 4 + bytecode.length + 2 + 2),
        u2(1),
        u2(1),
        u4(bytecode.length),
        bytecode,
        u2(0),
        u2(0)
    ]);
    const constructor = Buffer.concat([
        u2(ACC_PUBLIC),
        u2(pool.utf8('<init>')),
        u2(pool.utf8('()V')),
        u2(1),
        codeAttribute
    ]);

    return Buffer.concat([
        Buffer.from([0xca, 0xfe, 0xba, 0xbe]),
        u2(0),
        u2(52),
        pool.bytes(),
        u2(ACC_PUBLIC | ACC_SUPER),
        u2(thisClass),
        u2(superClass),
        u2(0),
        u2(fieldInfos.length),
        ...fieldInfos,
        u2(1),
        constructor,
        u2(0)
    ]);
}

export const SOBJECT_PACKAGE = SOBJECTS;
