/** A person in a table cell: the name in bold, the employee number beside it, the group below. */
export function PersonCell({ name, employeeNo, groupName }: { name: string; employeeNo: string; groupName: string | null }) {
  return (
    <div>
      <b>{name}</b> <span className="muted">{employeeNo}</span>
      <div className="muted">{groupName}</div>
    </div>
  );
}
